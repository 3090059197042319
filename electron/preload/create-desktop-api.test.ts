import { describe, expect, it, vi } from 'vitest';
import { createDesktopApi } from './create-desktop-api';
import type { Invoke } from './invoke-allowed';

const argv = ['/opt/City Brain/city-brain', '--type=renderer', '--citybrain-app-version=1.2.3'];

function apiWith(invoke: Invoke) {
  return createDesktopApi({ invoke, listen: vi.fn(), argv, platform: 'linux' });
}

describe('createDesktopApi', () => {
  it('exposes exactly the six members of the contract', () => {
    const api = apiWith(vi.fn<Invoke>());
    expect(Object.keys(api).sort()).toEqual(['appVersion', 'getDisplays', 'onSoftRefresh', 'platform', 'reload', 'setFullScreen']);
    expect(api.appVersion).toBe('1.2.3');
    expect(api.platform).toBe('linux');
  });

  it('fails loudly when main did not pass the app version switch', () => {
    expect(() => createDesktopApi({ invoke: vi.fn<Invoke>(), listen: vi.fn(), argv: ['/bin/app'], platform: 'linux' })).toThrow(
      '--citybrain-app-version=',
    );
  });

  it('maps each method to its own channel', async () => {
    const invoke = vi.fn<Invoke>().mockResolvedValue(undefined);
    const api = apiWith(invoke);
    await api.getDisplays();
    await api.setFullScreen(false);
    api.reload();
    expect(invoke.mock.calls).toEqual([['citybrain:get-displays'], ['citybrain:set-full-screen', false], ['citybrain:reload']]);
  });

  it('rejects a non-boolean setFullScreen argument before it reaches main', async () => {
    const invoke = vi.fn<Invoke>();
    await expect(apiWith(invoke).setFullScreen('yes' as unknown as boolean)).rejects.toThrow('expected true or false');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('logs instead of leaving an unhandled rejection when reload fails', async () => {
    const failure = new Error('window is gone');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    apiWith(vi.fn<Invoke>().mockRejectedValue(failure)).reload();
    await vi.waitFor(() => expect(logged).toHaveBeenCalledWith('cityBrainDesktop.reload failed:', failure));
    logged.mockRestore();
  });
});
