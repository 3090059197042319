import { describe, expect, it } from 'vitest';
import { nextDailyTimeMs } from './daily-time';

const iso = (ms: number) => new Date(ms).toISOString();
const at0330 = 3 * 60 + 30;
const at0230 = 2 * 60 + 30;

describe('nextDailyTimeMs', () => {
  it('gives tonight when the time is still ahead and tomorrow when it has passed', () => {
    expect(iso(nextDailyTimeMs(at0330, Date.parse('2026-06-01T01:00:00+08:00'), 'Asia/Shanghai'))).toBe('2026-05-31T19:30:00.000Z');
    expect(iso(nextDailyTimeMs(at0330, Date.parse('2026-06-01T12:00:00+08:00'), 'Asia/Shanghai'))).toBe('2026-06-01T19:30:00.000Z');
  });

  it('does not give the same instant twice: the time itself leads to the next day', () => {
    const due = Date.parse('2026-06-01T03:30:00+08:00');
    expect(nextDailyTimeMs(at0330, due - 1, 'Asia/Shanghai')).toBe(due);
    expect(nextDailyTimeMs(at0330, due, 'Asia/Shanghai')).toBe(due + 86_400_000);
  });

  it('keeps local 03:30 across the spring change, a 23-hour day', () => {
    // 28 March 03:30 CET (+01), then 29 March 03:30 CEST (+02): 23 hours apart.
    const first = nextDailyTimeMs(at0330, Date.parse('2026-03-28T12:00:00+01:00'), 'Europe/Berlin');
    expect(iso(first)).toBe('2026-03-29T01:30:00.000Z');
    expect(first - Date.parse('2026-03-28T03:30:00+01:00')).toBe(23 * 3_600_000);
  });

  it('keeps local 03:30 across the autumn change, a 25-hour day', () => {
    expect(iso(nextDailyTimeMs(at0330, Date.parse('2026-10-24T12:00:00+02:00'), 'Europe/Berlin'))).toBe('2026-10-25T02:30:00.000Z');
  });

  it('runs a time skipped by the spring change as the clocks jump', () => {
    // 02:30 does not exist on 29 March 2026 in Berlin: the clocks go from 02:00 CET to 03:00 CEST.
    expect(iso(nextDailyTimeMs(at0230, Date.parse('2026-03-28T12:00:00+01:00'), 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('runs only once on the night a time happens twice', () => {
    // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET) on 25 October 2026.
    const first = nextDailyTimeMs(at0230, Date.parse('2026-10-24T12:00:00+02:00'), 'Europe/Berlin');
    expect(iso(first)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextDailyTimeMs(at0230, first, 'Europe/Berlin'))).toBe('2026-10-26T01:30:00.000Z');
  });

  it("reads this machine's clock when no zone is given", () => {
    const noon = new Date(2026, 5, 1, 12, 0).getTime();
    expect(nextDailyTimeMs(at0330, noon)).toBe(new Date(2026, 5, 2, 3, 30).getTime());
  });

  it('refuses a minute that is not in the day', () => {
    expect(() => nextDailyTimeMs(1440, 0)).toThrow('minute of the day: expected an integer in 0..1439, got 1440');
    expect(() => nextDailyTimeMs(1.5, 0)).toThrow(RangeError);
  });
});
