import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('the preload', () => {
  beforeEach(() => {
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockReset();
    electron.ipcRenderer.invoke.mockReset().mockResolvedValue([]);
  });

  it('exposes one object as window.cityBrainDesktop and nothing else', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--citybrain-app-version=0.1.0'];
    try {
      await import('./index');
    } finally {
      process.argv = argv;
    }
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('cityBrainDesktop');
    expect(Object.keys(api as object).sort()).toEqual(['appVersion', 'getDisplays', 'platform', 'reload', 'setFullScreen']);

    await (api as { getDisplays(): Promise<unknown> }).getDisplays();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('citybrain:get-displays');
  });
});
