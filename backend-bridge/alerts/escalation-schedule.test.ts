import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testAlert } from './alert.fixture';
import { ESCALATION_RETRY_MS, EscalationSchedule } from './escalation-schedule';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('EscalationSchedule', () => {
  it('fires for each alert when it is due, earliest first, and not for one that was acknowledged meanwhile', () => {
    const fired: string[][] = [];
    const schedule = new EscalationSchedule(1000, Date.now, (ids) => fired.push(ids), () => undefined);
    schedule.track(testAlert({ id: 'late', sentAtMs: 500 }));
    schedule.track(testAlert({ id: 'early', sentAtMs: 0 }));
    schedule.track(testAlert({ id: 'handled', sentAtMs: 200 }));
    schedule.track(testAlert({ id: 'handled', sentAtMs: 200, status: 'acknowledged' }));
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([['early']]);
    vi.advanceTimersByTime(500);
    expect(fired).toEqual([['early'], ['late']]);
    vi.advanceTimersByTime(10_000);
    expect(fired).toHaveLength(2);
    schedule.stop();
  });

  it('retries a failed escalation later instead of spinning, and reports the failure', () => {
    const errors: unknown[] = [];
    let attempts = 0;
    const schedule = new EscalationSchedule(
      100,
      Date.now,
      () => {
        attempts++;
        if (attempts === 1) throw new Error('disk full');
      },
      (error) => errors.push(error),
    );
    schedule.track(testAlert({ id: 'a', sentAtMs: 0 }));
    vi.advanceTimersByTime(100);
    expect(attempts).toBe(1);
    expect(errors).toHaveLength(1);
    vi.advanceTimersByTime(ESCALATION_RETRY_MS - 1);
    expect(attempts).toBe(1);
    vi.advanceTimersByTime(1);
    expect(attempts).toBe(2);
    vi.advanceTimersByTime(10 * ESCALATION_RETRY_MS);
    expect(attempts).toBe(2);
    schedule.stop();
  });
});
