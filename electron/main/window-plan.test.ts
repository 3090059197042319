import { describe, expect, it } from 'vitest';
import type { BridgeAccess } from './bridge-plan';
import type { WindowConfig } from './config-plan';
import { describeDisplays, type ScreenDisplay } from './displays-plan';
import { planWindows, rendererUrl } from './window-plan';

const access: BridgeAccess = { origin: 'http://127.0.0.1:40123', tokens: { operator: 'op+1', viewer: 'view-2' } };

/** A 4K panel at 200 % scaling: 1920×1080 DIP, with a 40 DIP task bar. */
function panel(id: number, column: number, row: number): ScreenDisplay {
  const x = column * 1920;
  const y = row * 1080;
  return {
    id,
    bounds: { x, y, width: 1920, height: 1080 },
    workArea: { x, y, width: 1920, height: 1040 },
    scaleFactor: 2,
  };
}

describe('planWindows', () => {
  it('opens the default console windowed on the work area of a single display', () => {
    const displays = describeDisplays([panel(7, 0, 0)], 7);
    const plan = planWindows(displays, [{ route: 'console' }], access);
    expect(plan.warnings).toEqual([]);
    expect(plan.specs).toEqual([
      {
        configIndex: 0,
        route: 'console',
        title: 'City Brain — Console',
        url: 'http://127.0.0.1:40123/#/console?token=op%2B1',
        bounds: { x: 0, y: 0, width: 1920, height: 1040 },
        fullscreen: false,
        kiosk: false,
        frameless: false,
      },
    ]);
  });

  it('puts a console and a kiosk cockpit on two displays side by side', () => {
    const displays = describeDisplays([panel(2, 1, 0), panel(1, 0, 0)], 1);
    const windows: WindowConfig[] = [
      { display: 0, route: 'console' },
      { display: 1, route: 'cockpit', kiosk: true },
    ];
    const [consoleSpec, cockpitSpec] = planWindows(displays, windows, access).specs;
    expect(consoleSpec).toMatchObject({ bounds: { x: 0, y: 0, width: 1920, height: 1040 }, fullscreen: false });
    expect(cockpitSpec).toMatchObject({
      title: 'City Brain — Cockpit · display 1',
      bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
      fullscreen: true,
      kiosk: true,
      frameless: false,
      url: 'http://127.0.0.1:40123/#/cockpit?token=view-2',
    });
  });

  it('covers each panel of a 2×3 wall with one frameless full-screen window', () => {
    // The OS reports the panels out of order; the config counts in reading order.
    const reported = [panel(15, 2, 1), panel(10, 0, 0), panel(14, 1, 1), panel(12, 2, 0), panel(13, 0, 1), panel(11, 1, 0)];
    const displays = describeDisplays(reported, 10);
    const windows: WindowConfig[] = [0, 1, 2, 3, 4, 5].map((display) => ({ display, route: 'wall', kiosk: true }));
    const plan = planWindows(displays, windows, access);
    expect(plan.warnings).toEqual([]);
    expect(plan.specs.map((spec) => [spec.bounds.x, spec.bounds.y])).toEqual([
      [0, 0],
      [1920, 0],
      [3840, 0],
      [0, 1080],
      [1920, 1080],
      [3840, 1080],
    ]);
    for (const spec of plan.specs) {
      expect(spec).toMatchObject({ fullscreen: true, kiosk: true, frameless: true });
      expect(spec.bounds).toMatchObject({ width: 1920, height: 1080 });
      expect(spec.url).toBe('http://127.0.0.1:40123/#/wall?token=view-2');
    }
  });

  it('falls back to the primary display with a warning when a display is missing', () => {
    const displays = describeDisplays([panel(1, 0, 0), panel(2, 1, 0)], 2);
    const plan = planWindows(displays, [{ display: 0, route: 'wall' }, { display: 5, route: 'wall' }], access);
    expect(plan.warnings).toEqual([
      'windows[1].display: display 5 is not connected (displays 0–1 are); using the primary display instead',
    ]);
    expect(plan.specs[1]).toMatchObject({ title: 'City Brain — Wall · display 1', bounds: { x: 1920, y: 0 } });
  });

  it('places a window by rectangle without going full screen', () => {
    const displays = describeDisplays([panel(1, 0, 0)], 1);
    const rect = { x: 0, y: 0, width: 7680, height: 2160 };
    const [spec] = planWindows(displays, [{ display: rect, route: 'wall' }], access).specs;
    expect(spec).toMatchObject({ bounds: rect, fullscreen: false, kiosk: false, frameless: true, title: 'City Brain — Wall · window 0' });
  });

  it('refuses to plan when no display is connected', () => {
    expect(() => planWindows([], [{ route: 'console' }], access)).toThrow('no display is connected');
  });
});

describe('rendererUrl', () => {
  it('gives the operator token only to the console', () => {
    expect(rendererUrl(access, 'console')).toContain('token=op%2B1');
    expect(rendererUrl(access, 'wall')).toContain('token=view-2');
    expect(rendererUrl(access, 'cockpit')).toContain('token=view-2');
  });
});
