import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepRendererAlive } from './renderer-recovery';
import { RECOVERY_DEFAULTS } from './renderer-recovery-plan';

const APP_URL = 'http://127.0.0.1:40123/#/wall?screen=a1&token=v';

/** A webContents whose forcefullyCrashRenderer ends the renderer the way Electron does: with render-process-gone. */
class FakeContents extends EventEmitter {
  reload = vi.fn();
  loadURL = vi.fn(() => Promise.resolve());
  isDestroyed = vi.fn(() => false);
  forcefullyCrashRenderer = vi.fn(() => {
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  });
}

let contents: FakeContents;

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  contents = new FakeContents();
  keepRendererAlive(contents as unknown as WebContents, APP_URL);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const gone = (reason: string) => contents.emit('render-process-gone', {}, { reason, exitCode: 1 });
const loadedUrls = () => (contents.loadURL.mock.calls as unknown as string[][]).map(([url]) => url);

describe('keepRendererAlive', () => {
  it('reloads a crashed page after the delay', () => {
    gone('crashed');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.reloadDelayMs - 1);
    expect(contents.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('shows the fallback page after too many crashes, then keeps trying the app', () => {
    for (let i = 0; i < RECOVERY_DEFAULTS.maxReloads; i++) {
      gone('crashed');
      vi.advanceTimersByTime(RECOVERY_DEFAULTS.reloadDelayMs);
    }
    expect(contents.reload).toHaveBeenCalledTimes(RECOVERY_DEFAULTS.maxReloads);

    gone('crashed');
    expect(contents.reload).toHaveBeenCalledTimes(RECOVERY_DEFAULTS.maxReloads);
    expect(loadedUrls()).toHaveLength(1);
    expect(loadedUrls()[0]).toMatch(/^data:text\/html/);
    expect(decodeURIComponent(loadedUrls()[0]!)).toContain('the page failed (crashed) 6 times within 10 min');

    vi.advanceTimersByTime(RECOVERY_DEFAULTS.fallbackRetryMs);
    expect(loadedUrls()[1]).toBe(APP_URL);

    // It crashes again at once: back to the fallback page, and another try a minute later.
    gone('crashed');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.fallbackRetryMs);
    expect(loadedUrls().slice(2)).toEqual([expect.stringMatching(/^data:/), APP_URL]);
  });

  it('ends a page that stays hung and reloads it, reporting the hang', () => {
    contents.emit('unresponsive');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.hungTimeoutMs - 1);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.reloadDelayMs);
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('the hung page was ended'));
  });

  it('leaves alone a page that responds again in time', () => {
    contents.emit('unresponsive');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.hungTimeoutMs / 2);
    contents.emit('responsive');
    vi.runAllTimers();
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(contents.reload).not.toHaveBeenCalled();
  });

  it('counts hangs and crashes against the same limit, so a page that keeps hanging ends on the fallback page', () => {
    for (let i = 0; i <= RECOVERY_DEFAULTS.maxReloads; i++) {
      contents.emit('unresponsive');
      vi.advanceTimersByTime(RECOVERY_DEFAULTS.hungTimeoutMs + RECOVERY_DEFAULTS.reloadDelayMs);
    }
    expect(contents.reload).toHaveBeenCalledTimes(RECOVERY_DEFAULTS.maxReloads);
    expect(decodeURIComponent(loadedUrls()[0]!)).toContain('the page failed (hung) 6 times');
  });

  it('does not end a window that was closed while its page hung', () => {
    contents.emit('unresponsive');
    contents.isDestroyed.mockReturnValue(true);
    contents.emit('destroyed');
    vi.runAllTimers();
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
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
