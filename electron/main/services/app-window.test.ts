import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WindowSpec } from '../window-plan';
import { openAppWindow } from './app-window';

/** `showRaisesShow`: whether show() raises 'show' at once; a window manager may map the window later. */
const electron = vi.hoisted(() => ({ created: [] as FakeWindow[], showRaisesShow: true }));

interface FakeWindow {
  options: Record<string, unknown>;
  calls: string[];
  webContents: EventEmitter & { setWindowOpenHandler: ReturnType<typeof vi.fn> };
  emit(event: string, ...args: unknown[]): boolean;
  loadURL: ReturnType<typeof vi.fn>;
}

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    calls: string[] = [];
    webContents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() });
    loadURL = vi.fn(() => Promise.resolve());
    constructor(readonly options: Record<string, unknown>) {
      super();
      for (const method of ['setBounds', 'show', 'setKiosk', 'setFullScreen'] as const) {
        (this as unknown as Record<string, unknown>)[method] = (arg?: unknown) =>
          this.calls.push(arg === undefined ? method : `${method}(${JSON.stringify(arg)})`);
      }
      // Like Electron, showing the window raises 'show'.
      const record = (this as unknown as Record<string, (arg?: unknown) => void>).show!;
      (this as unknown as Record<string, unknown>).show = () => {
        record();
        if (electron.showRaisesShow) this.emit('show');
      };
      electron.created.push(this as unknown as FakeWindow);
    }
  }
  return { BrowserWindow };
});

const options = { preloadFile: '/app/dist/electron/preload.cjs', appVersion: '0.1.0', appOrigin: 'http://127.0.0.1:40123' };
const wallSpec: WindowSpec = {
  route: 'wall',
  title: 'City Brain — Wall · A2 · display 3',
  url: 'http://127.0.0.1:40123/#/wall?screen=a2&token=v',
  bounds: { x: 0, y: 1080, width: 1920, height: 1080 },
  fullscreen: true,
  kiosk: false,
  frameless: true,
};

function open(spec: WindowSpec): FakeWindow {
  electron.created.length = 0;
  openAppWindow(spec, options);
  return electron.created[0]!;
}

beforeEach(() => {
  electron.showRaisesShow = true;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('openAppWindow', () => {
  it('creates a frameless, hidden, hardened window at the spec bounds', () => {
    const window = open(wallSpec);
    expect(window.options).toMatchObject({
      x: 0,
      y: 1080,
      width: 1920,
      height: 1080,
      frame: false,
      show: false,
      title: 'City Brain — Wall · A2 · display 3',
      webPreferences: { sandbox: true, contextIsolation: true, preload: '/app/dist/electron/preload.cjs' },
    });
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
    expect(window.webContents.listenerCount('render-process-gone')).toBe(1);
    expect(window.webContents.listenerCount('unresponsive')).toBe(1);
  });

  it('places the window on its display and shows it there before it goes full screen', () => {
    expect(open(wallSpec).calls).toEqual([`setBounds(${JSON.stringify(wallSpec.bounds)})`, 'show', 'setFullScreen(true)']);
  });

  it('waits for the window to be shown on its display before going kiosk', () => {
    electron.showRaisesShow = false;
    const window = open({ ...wallSpec, kiosk: true });
    expect(window.calls).not.toContain('setKiosk(true)');
    window.emit('show');
    expect(window.calls.slice(-1)).toEqual(['setKiosk(true)']);
  });

  it('uses kiosk mode instead of plain full screen when asked', () => {
    expect(open({ ...wallSpec, kiosk: true }).calls.slice(-1)).toEqual(['setKiosk(true)']);
  });

  it('leaves a windowed console windowed', () => {
    const calls = open({ ...wallSpec, route: 'console', fullscreen: false, frameless: false }).calls;
    expect(calls).toEqual([`setBounds(${JSON.stringify(wallSpec.bounds)})`, 'show']);
  });

  it('loads the spec URL and keeps its own title', () => {
    const window = open(wallSpec);
    expect(window.loadURL).toHaveBeenCalledWith('http://127.0.0.1:40123/#/wall?screen=a2&token=v');
    const titleChange = { preventDefault: vi.fn() };
    window.emit('page-title-updated', titleChange, 'City Brain');
    expect(titleChange.preventDefault).toHaveBeenCalled();
  });
});
