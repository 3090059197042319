import type { Alert, DistrictTraffic } from '@protocol';
import { describe, expect, it } from 'vitest';
import { rankByAttention } from './attention';
import { compareLatestHour, hourOfDay } from './hour-comparison';
import { resolvedOnCityDay } from './resolution';
import { cityDay } from './city-today';
import { ttiBand } from './tti-band';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const alert = (patch: Partial<Alert>): Alert => ({ id: 'a', status: 'new', severity: 'Minor', districtId: 'd1', sentAtMs: 0, ...patch }) as Alert;
const district = (districtId: string, travelTimeIndex: number): DistrictTraffic => ({ districtId, travelTimeIndex, avgSpeedKmh: 30, vehicles: 1 });
const hour = (hourStartSimMs: number, travelTimeIndex: number) => ({ hourStartSimMs, travelTimeIndex, avgSpeedKmh: 30, samples: 60 });

describe('ttiBand', () => {
  it('names the band like the map names a link at the same speed ratio', () => {
    expect(ttiBand(1)).toBe('free');
    expect(ttiBand(1.3)).toBe('free');
    expect(ttiBand(1.34)).toBe('light');
    expect(ttiBand(2)).toBe('moderate');
    expect(ttiBand(4)).toBe('heavy');
    expect(ttiBand(5)).toBe('jammed');
  });
});

describe('rankByAttention', () => {
  it('ranks by congestion plus severity-weighted open alerts, ignoring closed ones', () => {
    const ranked = rankByAttention(
      [district('calm', 1), district('busy', 1.5), district('alarmed', 1.1)],
      [alert({ districtId: 'alarmed', severity: 'Extreme' }), alert({ districtId: 'busy', status: 'resolved', severity: 'Extreme' })],
      2,
    );
    expect(ranked.map((d) => [d.districtId, Math.round(d.score), d.openAlerts])).toEqual([
      ['alarmed', 11, 1],
      ['busy', 5, 0],
    ]);
  });
});

describe('resolvedOnCityDay', () => {
  it("counts alerts resolved on the city's day and their mean time to resolve, not false alarms", () => {
    const day = { startMs: 10 * DAY_MS, endMs: 11 * DAY_MS, timeZone: 'UTC' };
    const at = (sentAtMs: number, resolvedAtMs: number, status: Alert['status'] = 'resolved') => alert({ status, simTimeMs: sentAtMs, sentAtMs, resolvedAtMs });
    const figures = resolvedOnCityDay(
      [at(day.startMs - 60_000, day.startMs + 60_000), at(day.startMs, day.startMs + 240_000), at(0, day.startMs - 1), at(day.startMs, day.startMs + 1, 'false-alarm')],
      day,
      1,
      day.startMs + HOUR_MS,
    );
    expect(figures).toEqual({ count: 2, meanTimeToResolveMs: 180_000 });
    expect(resolvedOnCityDay([], day, 1, day.startMs)).toEqual({ count: 0, meanTimeToResolveMs: null });
  });

  it("follows the sim clock, not the real date: a demo at 60x resolving at 23:50 sim time counts for the sim day (issue 14)", () => {
    // The real date is 1 Jan; the sim city lives on 5 Jun, where it is 23:59.
    const realMs = Date.parse('2026-01-01T12:00:00Z');
    const cityNowMs = Date.parse('2026-06-05T23:59:00Z');
    const today = cityDay(cityNowMs, 'UTC');
    // Raised at 23:40 sim time; resolved 10 wall seconds later = 10 sim minutes at 60x.
    const raised = alert({ status: 'resolved', simTimeMs: Date.parse('2026-06-05T23:40:00Z'), sentAtMs: realMs, resolvedAtMs: realMs + 10_000 });
    expect(resolvedOnCityDay([raised], today, 60, cityNowMs)).toEqual({ count: 1, meanTimeToResolveMs: 10_000 });
    // Resolved 30 wall seconds later lands at 00:10 on the next sim day, which has not come yet: not today.
    const late = { ...raised, resolvedAtMs: realMs + 30_000 };
    expect(resolvedOnCityDay([late], cityDay(Date.parse('2026-06-06T00:20:00Z'), 'UTC'), 60, Date.parse('2026-06-06T00:20:00Z')).count).toBe(1);
    expect(resolvedOnCityDay([late], today, 60, cityNowMs).count).toBe(1); // clamped to now: never in the future
  });
});

describe('compareLatestHour', () => {
  it('compares the latest hour with the same hour yesterday', () => {
    const day = 20 * DAY_MS;
    const comparison = compareLatestHour({ today: [hour(day, 1.2), hour(day + HOUR_MS, 1.5)], yesterday: [hour(day - DAY_MS + HOUR_MS, 1.25)] });
    expect(comparison?.yesterday?.travelTimeIndex).toBe(1.25);
    expect(comparison?.ttiChangePct).toBeCloseTo(20, 9);
    expect(hourOfDay(day + HOUR_MS, day)).toBe(1);
  });

  it('says honestly that yesterday has no record instead of inventing one', () => {
    expect(compareLatestHour({ today: [hour(0, 1.2)], yesterday: [] })).toMatchObject({ yesterday: null, ttiChangePct: null });
    expect(compareLatestHour({ today: [], yesterday: [] })).toBeNull();
  });
});
