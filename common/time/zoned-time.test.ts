import { describe, expect, it } from 'vitest';
import { zonedDayStartMs, zonedHourOfDay, zonedTimeMs } from './zoned-time';

describe('zonedDayStartMs', () => {
  it("starts the day at the city's midnight, not the machine's or UTC's", () => {
    // 01:00 in Shanghai is still the day before in UTC.
    expect(zonedDayStartMs(Date.parse('2026-06-01T01:00:00+08:00'), 'Asia/Shanghai')).toBe(Date.parse('2026-06-01T00:00:00+08:00'));
    expect(zonedDayStartMs(Date.parse('2026-06-01T23:59:59+08:00'), 'Asia/Shanghai')).toBe(Date.parse('2026-06-01T00:00:00+08:00'));
  });

  it('gives midnight itself for midnight', () => {
    const midnight = Date.parse('2026-06-01T00:00:00+08:00');
    expect(zonedDayStartMs(midnight, 'Asia/Shanghai')).toBe(midnight);
  });

  it('steps whole calendar days, 23 hours back over the spring change', () => {
    // Berlin moved its clocks forward on 29 March 2026.
    const afterChange = Date.parse('2026-03-30T12:00:00+02:00');
    expect(zonedDayStartMs(afterChange, 'Europe/Berlin', -1)).toBe(Date.parse('2026-03-29T00:00:00+01:00'));
    expect(zonedDayStartMs(afterChange, 'Europe/Berlin') - zonedDayStartMs(afterChange, 'Europe/Berlin', -1)).toBe(23 * 3_600_000);
    expect(zonedDayStartMs(afterChange, 'Europe/Berlin', 1)).toBe(Date.parse('2026-03-31T00:00:00+02:00'));
  });
});

describe('zonedHourOfDay', () => {
  it("reads the city's clock, fractional", () => {
    expect(zonedHourOfDay(Date.UTC(2024, 5, 3, 16, 30), 'Asia/Shanghai')).toBe(0.5);
    expect(zonedHourOfDay(Date.UTC(2024, 5, 2, 23, 0), 'Asia/Shanghai')).toBe(7);
  });

  it('follows daylight saving: 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(zonedHourOfDay(Date.UTC(2026, 0, 15, 8), 'Europe/Berlin')).toBe(9);
    expect(zonedHourOfDay(Date.UTC(2026, 6, 15, 7), 'Europe/Berlin')).toBe(9);
  });
});

describe('zonedTimeMs', () => {
  it('places a wall-clock time of a calendar day in the zone', () => {
    expect(zonedTimeMs(2024, 5, 3, 7, 0, 'Asia/Shanghai')).toBe(Date.parse('2024-06-03T07:00:00+08:00'));
    expect(zonedTimeMs(2026, 6, 15, 9, 30, 'Europe/Berlin')).toBe(Date.parse('2026-07-15T09:30:00+02:00'));
  });
});
