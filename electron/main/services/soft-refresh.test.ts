import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SOFT_REFRESH_DEFAULTS, createSoftRefresher, scheduleSoftRefresh } from './soft-refresh';

class FakeContents extends EventEmitter {
  send = vi.fn();
  reload = vi.fn();
  isDestroyed = vi.fn(() => false);
}

const asContents = (fake: FakeContents) => fake as unknown as WebContents;
let savedTz: string | undefined;

beforeEach(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('createSoftRefresher', () => {
  it('asks the page to soft refresh and leaves it be once it confirms', () => {
    const refresher = createSoftRefresher();
    const page = new FakeContents();
    refresher.request(asContents(page));
    expect(page.send).toHaveBeenCalledWith('citybrain:soft-refresh');
    refresher.confirm(asContents(page));
    vi.runAllTimers();
    expect(page.reload).not.toHaveBeenCalled();
  });

  it('reloads a page that does not confirm in time', () => {
    const refresher = createSoftRefresher();
    const page = new FakeContents();
    refresher.request(asContents(page));
    vi.advanceTimersByTime(SOFT_REFRESH_DEFAULTS.confirmTimeoutMs - 1);
    expect(page.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(page.reload).toHaveBeenCalledTimes(1);
  });

  it('does not ask again while a request is pending, and skips a closed window', () => {
    const refresher = createSoftRefresher();
    const page = new FakeContents();
    refresher.request(asContents(page));
    refresher.request(asContents(page));
    expect(page.send).toHaveBeenCalledTimes(1);
    const closed = new FakeContents();
    closed.isDestroyed.mockReturnValue(true);
    refresher.request(asContents(closed));
    expect(closed.send).not.toHaveBeenCalled();
  });
});

describe('scheduleSoftRefresh', () => {
  it('runs at the local refresh time each night, once per night', () => {
    vi.setSystemTime(new Date('2026-06-01T12:00:00+08:00'));
    const run = vi.fn();
    const stop = scheduleSoftRefresh({ at: '03:30' }, run);
    vi.setSystemTime(new Date('2026-06-02T03:28:00+08:00'));
    vi.advanceTimersByTime(SOFT_REFRESH_DEFAULTS.checkIntervalMs);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SOFT_REFRESH_DEFAULTS.checkIntervalMs * 10);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(48 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs once, not once per missed night, after the machine slept past the time', () => {
    vi.setSystemTime(new Date('2026-06-01T12:00:00+08:00'));
    const run = vi.fn();
    scheduleSoftRefresh({ at: '03:30' }, run);
    vi.setSystemTime(new Date('2026-06-05T09:00:00+08:00'));
    vi.advanceTimersByTime(SOFT_REFRESH_DEFAULTS.checkIntervalMs * 3);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs when the soft refresh is disabled', () => {
    const run = vi.fn();
    scheduleSoftRefresh({ disabled: true }, run);
    vi.advanceTimersByTime(48 * 3_600_000);
    expect(run).not.toHaveBeenCalled();
  });
});
