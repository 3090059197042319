import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepRendererAlive } from './renderer-recovery';
import { RECOVERY_DEFAULTS } from './renderer-recovery-plan';

class FakeContents extends EventEmitter {
  reload = vi.fn();
  loadURL = vi.fn(() => Promise.resolve());
  isDestroyed = vi.fn(() => false);
}

let contents: FakeContents;

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  contents = new FakeContents();
  keepRendererAlive(contents as unknown as WebContents);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const gone = (reason: string) => contents.emit('render-process-gone', {}, { reason, exitCode: 1 });

describe('keepRendererAlive', () => {
  it('reloads a crashed page after the delay', () => {
    gone('crashed');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.reloadDelayMs - 1);
    expect(contents.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('stops reloading a page that keeps crashing', () => {
    for (let i = 0; i < RECOVERY_DEFAULTS.maxReloads + 2; i++) {
      gone('crashed');
      vi.advanceTimersByTime(RECOVERY_DEFAULTS.reloadDelayMs);
    }
    expect(contents.reload).toHaveBeenCalledTimes(RECOVERY_DEFAULTS.maxReloads);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('not reloading again'));
  });

  it('does not reload a page that closed normally or a window already destroyed', () => {
    gone('clean-exit');
    gone('killed');
    contents.isDestroyed.mockReturnValue(true);
    vi.runAllTimers();
    expect(contents.reload).not.toHaveBeenCalled();
  });

  it('retries the main page when it failed to load', () => {
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'https://bridge:8443/#/wall?token=t', true);
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.loadRetryDelayMs);
    expect(contents.loadURL).toHaveBeenCalledWith('https://bridge:8443/#/wall?token=t');
  });

  it('does not retry a subframe failure or an aborted load', () => {
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'https://x/', false);
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://x/', true);
    vi.runAllTimers();
    expect(contents.loadURL).not.toHaveBeenCalled();
  });
});
