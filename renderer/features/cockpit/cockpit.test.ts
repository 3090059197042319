import type { Alert, DistrictTraffic } from '@protocol';
import { describe, expect, it } from 'vitest';
import { rankByAttention } from './attention';
import { compareLatestHour, hourOfDay } from './hour-comparison';
import { resolvedSince } from './resolution';
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

describe('resolvedSince', () => {
  it('counts alerts resolved since the day started and their mean time to resolve, not false alarms', () => {
    const day = 10 * DAY_MS;
    const figures = resolvedSince(
      [
        alert({ status: 'resolved', sentAtMs: day - 60_000, resolvedAtMs: day + 60_000 }),
        alert({ status: 'resolved', sentAtMs: day, resolvedAtMs: day + 240_000 }),
        alert({ status: 'resolved', sentAtMs: 0, resolvedAtMs: day - 1 }),
        alert({ status: 'false-alarm', sentAtMs: day, resolvedAtMs: day + 1 }),
      ],
      day,
    );
    expect(figures).toEqual({ count: 2, meanTimeToResolveMs: 180_000 });
    expect(resolvedSince([], day)).toEqual({ count: 0, meanTimeToResolveMs: null });
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
