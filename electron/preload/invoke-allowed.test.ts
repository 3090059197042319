import { describe, expect, it, vi } from 'vitest';
import { DesktopChannel } from '../common/ipc-channels';
import { type Invoke, invokeAllowed } from './invoke-allowed';

describe('invokeAllowed', () => {
  it('refuses a channel that is not on the allow-list without invoking anything', async () => {
    const invoke = vi.fn<Invoke>();
    await expect(invokeAllowed(invoke, 'citybrain:delete-everything')).rejects.toThrow(
      'refused IPC channel "citybrain:delete-everything"',
    );
    await expect(invokeAllowed(invoke, 'other-app:get-displays')).rejects.toThrow('not on the allow-list');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('passes an allowed channel and its arguments through', async () => {
    const invoke = vi.fn<Invoke>().mockResolvedValue('done');
    await expect(invokeAllowed(invoke, DesktopChannel.setFullScreen, true)).resolves.toBe('done');
    expect(invoke).toHaveBeenCalledWith('citybrain:set-full-screen', true);
  });
});
