import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { CityHours } from './city-hours';

const HOUR_MS = 3_600_000;
/** 2024-06-03 00:00 in UTC+8. */
const MIDNIGHT = Date.UTC(2024, 5, 2, 16);

const sample = (simTimeMs: number, travelTimeIndex: number, avgSpeedKmh = 40) => ({ simTimeMs, travelTimeIndex, avgSpeedKmh });

describe('CityHours', () => {
  it('averages one sample per sim minute into its hour', () => {
    const hours = new CityHours(openDatabase(null), { timeZone: 'Asia/Shanghai' });
    const start = MIDNIGHT + 8 * HOUR_MS;
    hours.add(sample(start, 1.2, 30));
    hours.add(sample(start + 10_000, 9, 1)); // same minute: ignored
    hours.add(sample(start + 60_000, 1.4, 50));
    const [hour, ...rest] = hours.trend(start + 120_000).today;
    expect(rest).toEqual([]);
    expect(hour).toMatchObject({ hourStartSimMs: start, avgSpeedKmh: 40, samples: 2 });
    expect(hour!.travelTimeIndex).toBeCloseTo(1.3, 9);
  });

  it("starts the day at the city's own midnight, with yesterday 23 hours long after the spring change", () => {
    const hours = new CityHours(openDatabase(null), { timeZone: 'Europe/Berlin' });
    const berlinMidnight = Date.parse('2026-03-30T00:00:00+02:00');
    hours.add(sample(Date.parse('2026-03-29T00:30:00+01:00'), 1.1));
    hours.add(sample(berlinMidnight + HOUR_MS, 1.5));
    const trend = hours.trend(berlinMidnight + HOUR_MS + 1);
    expect(trend.daySimStartMs).toBe(berlinMidnight);
    expect(trend.yesterday.map((h) => h.travelTimeIndex)).toEqual([1.1]);
    expect(trend.today.map((h) => h.travelTimeIndex)).toEqual([1.5]);
  });

  it('splits today from yesterday at local midnight and says when yesterday has no record', () => {
    const hours = new CityHours(openDatabase(null), { timeZone: 'Asia/Shanghai' });
    hours.add(sample(MIDNIGHT + 23 * HOUR_MS - 24 * HOUR_MS, 1.1));
    hours.add(sample(MIDNIGHT + HOUR_MS, 1.5));
    const trend = hours.trend(MIDNIGHT + HOUR_MS + 1);
    expect(trend.daySimStartMs).toBe(MIDNIGHT);
    expect(trend.today.map((h) => h.travelTimeIndex)).toEqual([1.5]);
    expect(trend.yesterday.map((h) => h.hourStartSimMs)).toEqual([MIDNIGHT - HOUR_MS]);
    expect(hours.trend(MIDNIGHT + 30 * HOUR_MS).yesterday.map((h) => h.travelTimeIndex)).toEqual([1.5]);
    expect(new CityHours(openDatabase(null), { timeZone: 'Asia/Shanghai' }).trend(MIDNIGHT).yesterday).toEqual([]);
  });

  it('keeps the same day a week earlier for the cockpit, and nothing for a week it did not run', () => {
    const hours = new CityHours(openDatabase(null), { timeZone: 'Asia/Shanghai' });
    const weekMs = 7 * 24 * HOUR_MS;
    hours.add(sample(MIDNIGHT - weekMs + 9 * HOUR_MS, 1.7));
    hours.add(sample(MIDNIGHT + 9 * HOUR_MS, 1.2));
    const trend = hours.trend(MIDNIGHT + 9 * HOUR_MS + 1);
    expect(trend.weekAgo?.map((h) => [h.hourStartSimMs, h.travelTimeIndex])).toEqual([[MIDNIGHT - weekMs + 9 * HOUR_MS, 1.7]]);
    expect(hours.trend(MIDNIGHT + 33 * HOUR_MS).weekAgo).toEqual([]);
  });

  it('keeps the figures of a bridge that ran before, and a restart replaces the hours it runs again', () => {
    const db = openDatabase(null);
    const first = new CityHours(db, { timeZone: 'Asia/Shanghai' });
    first.add(sample(MIDNIGHT + 7 * HOUR_MS, 2));
    first.add(sample(MIDNIGHT + 8 * HOUR_MS, 3));
    const restarted = new CityHours(db, { timeZone: 'Asia/Shanghai' });
    restarted.add(sample(MIDNIGHT + 7 * HOUR_MS, 1));
    expect(restarted.trend(MIDNIGHT + 7 * HOUR_MS).today.map((h) => [h.travelTimeIndex, h.samples])).toEqual([
      [1, 1],
      [3, 1],
    ]);
  });

  it('prunes hours older than the retention', () => {
    const hours = new CityHours(openDatabase(null), { timeZone: 'Asia/Shanghai', retentionMs: 2 * HOUR_MS });
    hours.add(sample(MIDNIGHT, 1));
    hours.add(sample(MIDNIGHT + 3 * HOUR_MS, 1));
    expect(hours.trend(MIDNIGHT).today.map((h) => h.hourStartSimMs)).toEqual([MIDNIGHT + 3 * HOUR_MS]);
  });
});
