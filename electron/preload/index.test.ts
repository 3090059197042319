import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('the preload', () => {
  beforeEach(() => {
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockReset();
    electron.ipcRenderer.invoke.mockReset().mockResolvedValue([]);
    electron.ipcRenderer.on.mockReset();
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
    expect(Object.keys(api as object).sort()).toEqual(['appVersion', 'getDisplays', 'onSoftRefresh', 'platform', 'reload', 'setFullScreen']);

    await (api as { getDisplays(): Promise<unknown> }).getDisplays();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('citybrain:get-displays');
  });

  it('hands a soft refresh listener no IPC event, so the page never reaches ipcRenderer', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--citybrain-app-version=0.1.0'];
    try {
      await import('./index');
    } finally {
      process.argv = argv;
    }
    const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as { onSoftRefresh(listener: (...args: unknown[]) => void): () => void };
    const listener = vi.fn();
    api.onSoftRefresh(listener);
    const [channel, handler] = electron.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
    expect(channel).toBe('citybrain:soft-refresh');
    handler({ sender: 'the ipcRenderer' }, 'extra');
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith());
  });
});
