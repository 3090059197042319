import { describe, expect, it } from 'vitest';
import { cityDay, isOnCityDay, resolvedAtCityMs, utcOffsetLabel } from './city-today';

describe('cityDay', () => {
  it("is the calendar day of the city's clock in the city's zone, not the machine's or UTC's", () => {
    // 01:30 on 7 Dec in Shanghai is still 6 Dec in UTC.
    const day = cityDay(Date.parse('2026-12-07T01:30:00+08:00'), 'Asia/Shanghai');
    expect(day.startMs).toBe(Date.parse('2026-12-07T00:00:00+08:00'));
    expect(day.endMs).toBe(Date.parse('2026-12-08T00:00:00+08:00'));
    expect(isOnCityDay(Date.parse('2026-12-06T23:59:59+08:00'), day)).toBe(false);
    expect(isOnCityDay(day.startMs, day)).toBe(true);
    expect(isOnCityDay(day.endMs, day)).toBe(false);
  });

  it('lasts 25 hours on the autumn change', () => {
    const day = cityDay(Date.parse('2026-10-25T12:00:00+01:00'), 'Europe/Berlin');
    expect(day.endMs - day.startMs).toBe(25 * 3_600_000);
  });
});

describe('resolvedAtCityMs', () => {
  it('places a resolution on the city clock from the alert raised-at pairing and the clock speed', () => {
    const alert = { simTimeMs: 1_000_000, sentAtMs: 50_000, resolvedAtMs: 60_000 };
    expect(resolvedAtCityMs(alert, 60, 10_000_000)).toBe(1_000_000 + 600_000);
    expect(resolvedAtCityMs(alert, 1, 10_000_000)).toBe(1_010_000);
    expect(resolvedAtCityMs({ ...alert, resolvedAtMs: undefined }, 1, 10_000_000)).toBeNull();
  });

  it("never lies in the city's future", () => {
    expect(resolvedAtCityMs({ simTimeMs: 1_000, sentAtMs: 0, resolvedAtMs: 10_000 }, 60, 5_000)).toBe(5_000);
  });
});

describe('utcOffsetLabel', () => {
  it('names the offset the same way in every language, half hours and negative offsets included', () => {
    expect(utcOffsetLabel(Date.parse('2026-12-07T00:00:00Z'), 'Asia/Shanghai')).toBe('UTC+8');
    expect(utcOffsetLabel(Date.parse('2026-12-07T00:00:00Z'), 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(utcOffsetLabel(Date.parse('2026-12-07T00:00:00Z'), 'America/New_York')).toBe('UTC−5');
    expect(utcOffsetLabel(Date.parse('2026-12-07T00:00:00Z'), 'UTC')).toBe('UTC+0');
  });
});
