import { EventEmitter } from 'node:events';
import { type Mock, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_WALL_LAYOUT, type WallLayout, type WallScreen } from '../../../backend-bridge/protocol/wall-layout';
import type { Rect } from '../../preload/desktop-api';
import { DISPLAY_SETTLE_MS, openWall } from './wall-windows';
import { SOFT_REFRESH_DEFAULTS, type SoftRefresher } from './soft-refresh';

interface FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  bounds: Rect;
  kiosk: boolean;
  calls: string[];
  url: string;
  webContents: EventEmitter;
}

const electron = vi.hoisted(() => ({
  created: [] as FakeWindow[],
  displays: [] as Array<{ id: number; bounds: Rect; workArea: Rect; scaleFactor: number }>,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    calls: string[] = [];
    bounds: Rect;
    kiosk = false;
    visible = false;
    url = '';
    webContents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() });
    constructor(readonly options: Record<string, unknown>) {
      super();
      const { x, y, width, height } = options as unknown as Rect;
      this.bounds = { x, y, width, height };
      electron.created.push(this as unknown as FakeWindow);
    }
    setBounds(bounds: Rect) {
      this.calls.push(`setBounds(${bounds.x},${bounds.y})`);
      this.bounds = { ...bounds };
    }
    getBounds() {
      return { ...this.bounds };
    }
    show() {
      if (this.visible) return;
      this.calls.push('show');
      this.visible = true;
      this.emit('show');
    }
    hide() {
      this.calls.push('hide');
      this.visible = false;
    }
    isVisible() {
      return this.visible;
    }
    setKiosk(on: boolean) {
      this.calls.push(`setKiosk(${on})`);
      this.kiosk = on;
    }
    isKiosk() {
      return this.kiosk;
    }
    setFullScreen() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
  }
  const screen = Object.assign(new Emitter(), {
    getAllDisplays: () => electron.displays,
    getPrimaryDisplay: () => electron.displays[0],
  });
  return { BrowserWindow, screen };
});

const { screen } = await import('electron');
const access = { origin: 'http://127.0.0.1:40123', tokens: { operator: 'op', viewer: 'view' } };
const windowOptions = { preloadFile: '/app/preload.cjs', appVersion: '0.1.0', appOrigin: access.origin };

function panel(id: number, column: number) {
  const bounds = { x: column * 3840, y: 0, width: 3840, height: 2160 };
  return { id, bounds, workArea: bounds, scaleFactor: 1 };
}

function screenOn(id: string, index: number): WallScreen {
  return { id, name: id, display: { index }, grid: { columns: 1, rows: 1 }, panels: [{ kind: 'twin', column: 0, row: 0, columnSpan: 1, rowSpan: 1 }] };
}

const twoScreens: WallLayout = { ...DEFAULT_WALL_LAYOUT, screens: [screenOn('left', 0), screenOn('right', 1)] };
let refresher: { request: Mock<SoftRefresher['request']>; confirm: Mock<SoftRefresher['confirm']> };
let stop: (() => void) | undefined;

function open(layout: WallLayout) {
  const wall = openWall(layout, access, windowOptions, refresher);
  stop = wall.stop;
  return wall;
}

function displaysChange(...displays: ReturnType<typeof panel>[]) {
  electron.displays = displays;
  (screen as unknown as EventEmitter).emit('display-added');
  vi.advanceTimersByTime(DISPLAY_SETTLE_MS);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  electron.created = [];
  electron.displays = [panel(1, 0), panel(2, 1)];
  refresher = { request: vi.fn<SoftRefresher['request']>(), confirm: vi.fn<SoftRefresher['confirm']>() };
});

afterEach(() => {
  stop?.();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('openWall', () => {
  it("opens one kiosk window per screen on its display, loading that screen's page", () => {
    const wall = open(twoScreens);
    expect(electron.created.map((window) => [window.url, window.bounds.x, window.kiosk])).toEqual([
      ['http://127.0.0.1:40123/#/wall?screen=left&token=view', 0, true],
      ['http://127.0.0.1:40123/#/wall?screen=right&token=view', 3840, true],
    ]);
    expect(wall.windows()).toHaveLength(2);
  });

  it('reports a screen whose display is missing and opens its window once the display appears', () => {
    electron.displays = [panel(1, 0)];
    open(twoScreens);
    expect(electron.created).toHaveLength(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('wall layout: screens[1] "right": display 1 is not connected'));

    displaysChange(panel(1, 0), panel(2, 1));
    expect(electron.created).toHaveLength(2);
    expect(electron.created[1]).toMatchObject({ url: expect.stringContaining('screen=right'), bounds: { x: 3840 } });
  });

  it('puts a window the OS moved away back on its display once the displays settle', () => {
    open(twoScreens);
    const right = electron.created[1]!;
    // The right panel power-cycles: the OS moves its window onto the left one.
    right.bounds = { x: 0, y: 0, width: 3840, height: 2160 };
    electron.displays = [panel(1, 0)];
    (screen as unknown as EventEmitter).emit('display-removed');
    displaysChange(panel(1, 0), panel(2, 1));
    expect(right.calls.slice(-3)).toEqual(['setKiosk(false)', 'setBounds(3840,0)', 'setKiosk(true)']);
    expect(electron.created).toHaveLength(2);
  });

  it('hides the window of a screen that lost its display instead of covering another screen, and brings it back', () => {
    open(twoScreens);
    const [left, right] = electron.created;
    displaysChange(panel(1, 0));
    expect(right!.calls.slice(-1)).toEqual(['hide']);
    expect(left!.calls).not.toContain('hide');

    displaysChange(panel(1, 0), panel(2, 1));
    expect(right!.calls.slice(-4)).toEqual(['setKiosk(false)', 'setBounds(3840,0)', 'show', 'setKiosk(true)']);
  });

  it('leaves windows that are where they belong alone', () => {
    open(twoScreens);
    const before = electron.created.map((window) => window.calls.length);
    displaysChange(panel(1, 0), panel(2, 1));
    expect(electron.created.map((window) => window.calls.length)).toEqual(before);
  });

  it("asks every wall window for a soft refresh at the layout's time", () => {
    vi.setSystemTime(new Date(2026, 5, 1, 3, 0));
    open({ ...twoScreens, softRefresh: { at: '03:30' } });
    vi.advanceTimersByTime(29 * 60_000);
    expect(refresher.request).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SOFT_REFRESH_DEFAULTS.checkIntervalMs);
    expect(refresher.request.mock.calls.map(([contents]) => contents)).toEqual(electron.created.map((window) => window.webContents));
  });

  it('stops following display changes once stopped', () => {
    electron.displays = [panel(1, 0)];
    const wall = open(twoScreens);
    wall.stop();
    displaysChange(panel(1, 0), panel(2, 1));
    expect(electron.created).toHaveLength(1);
  });
});
