import type { IpcMainInvokeEvent } from 'electron';
import type { DisplayInfo } from '../preload/desktop-api';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerDesktopIpc } from './ipc';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const window = { setFullScreen: vi.fn() };
  return {
    window,
    ipcMain: { handle: vi.fn() },
    BrowserWindow: { fromWebContents: vi.fn(() => window) },
    screen: {
      getAllDisplays: vi.fn(() =>
        [
          { id: 2, x: 1920 },
          { id: 1, x: 0 },
        ].map(({ id, x }) => ({
          id,
          bounds: { x, y: 0, width: 1920, height: 1080 },
          workArea: { x, y: 0, width: 1920, height: 1040 },
          scaleFactor: 1,
        })),
      ),
      getPrimaryDisplay: vi.fn(() => ({ id: 1 })),
    },
  };
});
vi.mock('electron', () => electron);

const APP_ORIGIN = 'http://127.0.0.1:40123';
const hooks = { onSoftRefreshDone: vi.fn() };

function handlers(): Map<string, InvokeHandler> {
  const calls = electron.ipcMain.handle.mock.calls as Array<[string, InvokeHandler]>;
  return new Map(calls);
}

function eventFrom(url: string | null) {
  const sender = { reload: vi.fn() };
  const event = { senderFrame: url === null ? null : { url }, sender } as unknown as IpcMainInvokeEvent;
  return { event, sender };
}

describe('registerDesktopIpc', () => {
  beforeEach(() => {
    electron.ipcMain.handle.mockReset();
    electron.window.setFullScreen.mockReset();
    hooks.onSoftRefreshDone.mockReset();
    registerDesktopIpc(APP_ORIGIN, hooks);
  });

  it('registers exactly the allow-listed channels', () => {
    expect([...handlers().keys()].sort()).toEqual([
      'citybrain:get-displays',
      'citybrain:reload',
      'citybrain:set-full-screen',
      'citybrain:soft-refresh-done',
    ]);
  });

  it('lists the displays in reading order', () => {
    const getDisplays = handlers().get('citybrain:get-displays')!;
    const displays = getDisplays(eventFrom(`${APP_ORIGIN}/#/wall`).event) as DisplayInfo[];
    expect(displays.map((d) => [d.index, d.id, d.primary])).toEqual([
      [0, 1, true],
      [1, 2, false],
    ]);
  });

  it('puts the calling window into full screen', () => {
    handlers().get('citybrain:set-full-screen')!(eventFrom(`${APP_ORIGIN}/`).event, true);
    expect(electron.window.setFullScreen).toHaveBeenCalledWith(true);
  });

  it('refuses a non-boolean or missing full-screen argument', () => {
    const setFullScreen = handlers().get('citybrain:set-full-screen')!;
    const { event } = eventFrom(`${APP_ORIGIN}/`);
    expect(() => setFullScreen(event, 'true')).toThrow('citybrain:set-full-screen(on): expected true or false, got "true"');
    expect(() => setFullScreen(event)).toThrow('citybrain:set-full-screen: expected 1 argument(s), got 0');
    expect(electron.window.setFullScreen).not.toHaveBeenCalled();
  });

  it('reloads the calling window only', () => {
    const { event, sender } = eventFrom(`${APP_ORIGIN}/#/console`);
    handlers().get('citybrain:reload')!(event);
    expect(sender.reload).toHaveBeenCalledTimes(1);
  });

  it('refuses calls from a frame of another origin or one that is gone', () => {
    const reload = handlers().get('citybrain:reload')!;
    const foreign = eventFrom('https://evil.example/');
    expect(() => reload(foreign.event)).toThrow('citybrain:reload: refused a call from https://evil.example/');
    expect(() => reload(eventFrom(null).event)).toThrow('refused a call from a frame that is gone');
    expect(foreign.sender.reload).not.toHaveBeenCalled();
  });

  it('passes a soft refresh confirmation on with the calling page, and refuses arguments', () => {
    const done = handlers().get('citybrain:soft-refresh-done')!;
    const { event, sender } = eventFrom(`${APP_ORIGIN}/#/wall?screen=a1`);
    done(event);
    expect(hooks.onSoftRefreshDone).toHaveBeenCalledWith(sender);
    expect(() => done(event, 'all')).toThrow('citybrain:soft-refresh-done: expected 0 argument(s), got 1');
    expect(() => done(eventFrom('https://evil.example/').event)).toThrow('refused a call');
    expect(hooks.onSoftRefreshDone).toHaveBeenCalledTimes(1);
  });
});
