/**
 * The lifecycle wired end to end against a mocked Electron: Electron's binary
 * cannot run in CI, so this is where the order of start-up is pinned.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const state = {
    lock: true,
    ready: Promise.resolve() as Promise<void>,
    bridge: undefined as (EventEmitter & { kill: ReturnType<typeof vi.fn> }) | undefined,
    windows: [] as Array<{ options: Record<string, unknown>; url: string }>,
    screen: undefined as EventEmitter | undefined,
  };
  return { state };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { state } = electron;
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: vi.fn(() => state.ready),
    getAppPath: vi.fn(() => '/opt/city-brain/resources/app.asar'),
    getPath: vi.fn((name: string) => `/home/op/.config/City Brain/${name}`),
    getVersion: vi.fn(() => '0.1.0'),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  class BrowserWindow extends Emitter {
    webContents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() });
    setBounds = vi.fn();
    show = vi.fn();
    setKiosk = vi.fn();
    setFullScreen = vi.fn();
    isDestroyed = vi.fn(() => false);
    constructor(readonly options: Record<string, unknown>) {
      super();
    }
    loadURL = vi.fn((url: string) => {
      state.windows.push({ options: this.options, url });
      return Promise.resolve();
    });
  }
  const display = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    scaleFactor: 1,
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    powerSaveBlocker: { start: vi.fn(() => 1) },
    screen: (state.screen = Object.assign(new Emitter(), {
      getAllDisplays: vi.fn(() => [display]),
      getPrimaryDisplay: vi.fn(() => display),
    })),
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    utilityProcess: {
      fork: vi.fn(() => {
        state.bridge = Object.assign(new Emitter(), { kill: vi.fn(() => true) });
        return state.bridge;
      }),
    },
  };
});

const mocked = await import('electron');
const app = mocked.app as unknown as EventEmitter & Record<'quit' | 'exit' | 'whenReady', ReturnType<typeof vi.fn>>;
const { state } = electron;

const READY = {
  type: 'bridge-ready',
  port: 40123,
  origin: 'http://127.0.0.1:40123',
  tokens: { operator: 'op-token', viewer: 'view-token' },
};

let savedArgv: string[];

async function launch(...args: string[]): Promise<void> {
  process.argv = ['/opt/city-brain/city-brain', ...args];
  vi.resetModules();
  await import('./index');
}

/** Lets the start-up promise chain run up to the next thing it waits for. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  savedArgv = process.argv;
  state.lock = true;
  state.ready = Promise.resolve();
  state.bridge = undefined;
  state.windows = [];
  app.removeAllListeners();
  vi.clearAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  process.argv = savedArgv;
  vi.restoreAllMocks();
});

describe('Electron main', () => {
  it('quits at once when another copy already runs', async () => {
    state.lock = false;
    await launch();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('starts the demo bridge, opens the console with the operator token and keeps the screen on', async () => {
    await launch();
    await settle();
    expect(mocked.utilityProcess.fork).toHaveBeenCalledWith(
      '/opt/city-brain/resources/app.asar/dist/bridge/main.js',
      ['--port', '0', '--host', '127.0.0.1', '--renderer', '/opt/city-brain/resources/app.asar/dist/renderer', '--data-dir', '/home/op/.config/City Brain/userData/data'],
      expect.anything(),
    );
    expect(state.windows).toEqual([]);

    state.bridge!.emit('message', READY);
    await settle();
    expect(state.windows.map((window) => window.url)).toEqual(['http://127.0.0.1:40123/#/console?token=op-token']);
    expect(state.windows[0]!.options).toMatchObject({
      webPreferences: { sandbox: true, preload: '/opt/city-brain/resources/app.asar/dist/electron/preload.cjs' },
    });
    expect(mocked.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(mocked.ipcMain.handle).toHaveBeenCalledTimes(4);
    expect(mocked.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });

  it('stops the bridge when the app quits', async () => {
    await launch();
    await settle();
    state.bridge!.emit('message', READY);
    await settle();
    app.emit('will-quit');
    expect(state.bridge!.kill).toHaveBeenCalled();
  });

  it('shows the reason and exits with code 1 when the bridge fails', async () => {
    await launch();
    await settle();
    state.bridge!.emit('message', { type: 'bridge-failed', reason: 'no built renderer in /x' });
    await settle();
    expect(mocked.dialog.showErrorBox).toHaveBeenCalledWith(
      'City Brain could not start',
      'the demo bridge could not start: no built renderer in /x',
    );
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(state.windows).toEqual([]);
  });

  it('exits with code 1 when the bridge dies while the app runs', async () => {
    await launch();
    await settle();
    state.bridge!.emit('message', READY);
    await settle();
    state.bridge!.emit('exit', 9);
    expect(mocked.dialog.showErrorBox).toHaveBeenCalledWith(
      'City Brain stopped',
      'the demo bridge ended unexpectedly with code 9',
    );
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('shows a bad config file by field and starts nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citybrain-main-'));
    try {
      const file = join(dir, 'wall.json');
      await writeFile(file, JSON.stringify({ windows: [{ route: 'wal' }] }));
      await launch('--config', file);
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
      expect(mocked.dialog.showErrorBox).toHaveBeenCalledWith(
        'City Brain could not start',
        expect.stringContaining('config.windows[0].route: expected one of console, cockpit, got "wal"'),
      );
      expect(mocked.utilityProcess.fork).not.toHaveBeenCalled();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('opens the remote bridge without forking anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citybrain-main-'));
    try {
      const file = join(dir, 'prod.json');
      const bridge = { mode: 'remote', url: 'https://bridge.ops.local:8443', token: 't-1' };
      await writeFile(file, JSON.stringify({ bridge }));
      await launch(`--config=${file}`);
      await vi.waitFor(() => expect(state.windows).toHaveLength(1));
      expect(state.windows[0]!.url).toBe('https://bridge.ops.local:8443/#/console?token=t-1');
      expect(mocked.utilityProcess.fork).not.toHaveBeenCalled();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('opens one kiosk wall window per layout screen and gives the demo bridge the same layout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citybrain-main-'));
    try {
      const layout = {
        version: 1,
        screens: [{ id: 'ops', name: 'Ops', display: { index: 0 }, grid: { columns: 1, rows: 1 }, panels: [{ kind: 'twin', column: 0, row: 0 }] }],
      };
      await writeFile(join(dir, 'layout.json'), JSON.stringify(layout));
      const file = join(dir, 'wall.json');
      await writeFile(file, JSON.stringify({ wall: { layoutFile: 'layout.json' } }));
      await launch('--config', file);
      await vi.waitFor(() => expect(state.bridge).toBeDefined());
      const args = vi.mocked(mocked.utilityProcess.fork).mock.calls[0]![1] as string[];
      expect(args.slice(-2)).toEqual(['--wall-layout', join(dir, 'layout.json')]);

      state.bridge!.emit('message', READY);
      await vi.waitFor(() => expect(state.windows).toHaveLength(1));
      expect(state.windows[0]!.url).toBe('http://127.0.0.1:40123/#/wall?screen=ops&token=view-token');
      expect(state.windows[0]!.options).toMatchObject({ frame: false, title: 'City Brain — Wall · Ops · display 0' });
      expect(state.screen!.listenerCount('display-removed')).toBe(1);
      app.emit('will-quit');
      expect(state.screen!.listenerCount('display-removed')).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('shows a bad wall layout by file and field and starts nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citybrain-main-'));
    try {
      await writeFile(join(dir, 'layout.json'), JSON.stringify({ version: 1, screens: [] }));
      const file = join(dir, 'wall.json');
      await writeFile(file, JSON.stringify({ wall: { layoutFile: 'layout.json' } }));
      await launch('--config', file);
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
      expect(mocked.dialog.showErrorBox).toHaveBeenCalledWith(
        'City Brain could not start',
        `the wall layout is wrong: ${join(dir, 'layout.json')}.screens: needs at least one screen`,
      );
      expect(mocked.utilityProcess.fork).not.toHaveBeenCalled();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown flag with a clear message', async () => {
    await launch('--kiosk');
    await settle();
    expect(mocked.dialog.showErrorBox).toHaveBeenCalledWith(
      'City Brain could not start',
      expect.stringContaining('unknown argument "--kiosk"'),
    );
  });
});
