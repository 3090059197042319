import { describe, expect, it } from 'vitest';
import type { BridgeAccess } from './bridge-plan';
import type { WindowConfig } from './config-plan';
import { describeDisplays, type ScreenDisplay } from './displays-plan';
import { planWindows, rendererUrl, wallWindowSpecs } from './window-plan';

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

  it('falls back to the primary display with a warning when a display is missing', () => {
    const displays = describeDisplays([panel(1, 0, 0), panel(2, 1, 0)], 2);
    const plan = planWindows(displays, [{ display: 0, route: 'console' }, { display: 5, route: 'cockpit' }], access);
    expect(plan.warnings).toEqual([
      'windows[1].display: display 5 is not connected (displays 0–1 are); using the primary display instead',
    ]);
    expect(plan.specs[1]).toMatchObject({ title: 'City Brain — Cockpit · display 1', bounds: { x: 1920, y: 0 } });
  });

  it('places a window by rectangle without going full screen', () => {
    const displays = describeDisplays([panel(1, 0, 0)], 1);
    const rect = { x: 0, y: 0, width: 7680, height: 2160 };
    const [spec] = planWindows(displays, [{ display: rect, route: 'cockpit' }], access).specs;
    expect(spec).toMatchObject({ bounds: rect, fullscreen: false, kiosk: false, frameless: false, title: 'City Brain — Cockpit · window 0' });
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

  it('puts the query before the token, encoded', () => {
    expect(rendererUrl(access, 'wall', { screen: 'a 1' })).toBe('http://127.0.0.1:40123/#/wall?screen=a+1&token=view-2');
  });
});

describe('wallWindowSpecs', () => {
  it("opens a frameless kiosk window per placed screen, loading that screen's page", () => {
    const placements = [
      { screenId: 'a1', screenName: 'A1', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, displayIndex: 0, kiosk: true },
      { screenId: 'span', screenName: 'Span', bounds: { x: 0, y: 0, width: 3840, height: 1080 }, displayIndex: null, kiosk: false },
    ];
    expect(wallWindowSpecs(placements, access)).toEqual([
      {
        route: 'wall',
        title: 'City Brain — Wall · A1 · display 0',
        url: 'http://127.0.0.1:40123/#/wall?screen=a1&token=view-2',
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        fullscreen: true,
        kiosk: true,
        frameless: true,
      },
      {
        route: 'wall',
        title: 'City Brain — Wall · Span · bounds',
        url: 'http://127.0.0.1:40123/#/wall?screen=span&token=view-2',
        bounds: { x: 0, y: 0, width: 3840, height: 1080 },
        fullscreen: false,
        kiosk: false,
        frameless: true,
      },
    ]);
  });
});
