import type { Alert, HourFigures } from '@protocol';
import { describe, expect, it } from 'vitest';
import { districtMapGeometry, mapBand, openAlertBadges } from './district-map';
import { weekEarlierHour } from './hour-comparison';
import { countPerHour, sparklineRuns } from './sparkline';
import { readTarget, targetSign } from './targets';
import { TV_PAGES, msToNextPage, parseTvQuery, tvPageIndex } from './tv-cycle';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const hour = (hourStartSimMs: number, travelTimeIndex: number): HourFigures => ({ hourStartSimMs, travelTimeIndex, avgSpeedKmh: 30, samples: 60 });
const alert = (patch: Partial<Alert>): Alert => ({ id: 'a', status: 'new', severity: 'Minor', districtId: 'd1', sentAtMs: 0, ...patch }) as Alert;

describe('readTarget', () => {
  it('meets an at-most target at or below it and an at-least target at or above it', () => {
    expect(readTarget(1.5, 1.5, 'at-most').met).toBe(true);
    expect(readTarget(1.51, 1.5, 'at-most').met).toBe(false);
    expect(readTarget(24, 25, 'at-least').met).toBe(false);
    expect(readTarget(25, 25, 'at-least').met).toBe(true);
    expect(targetSign('at-least')).toBe('≥');
  });

  it('says nothing about a figure it does not have', () => {
    expect(readTarget(null, 30, 'at-most')).toEqual({ target: 30, direction: 'at-most', met: null });
    expect(readTarget(Number.NaN, 30, 'at-most').met).toBeNull();
  });
});

describe('weekEarlierHour', () => {
  it("finds the same hour of the city's clock a week earlier", () => {
    const nine = Date.parse('2026-12-07T09:00:00+08:00');
    const weekAgo = [hour(nine - 7 * DAY_MS - HOUR_MS, 1.1), hour(nine - 7 * DAY_MS, 1.4)];
    expect(weekEarlierHour(weekAgo, nine, 'Asia/Shanghai')?.travelTimeIndex).toBe(1.4);
  });

  it('pairs 09:00 with 09:00 across a daylight-saving change in between', () => {
    const nine = Date.parse('2026-11-01T09:00:00+01:00'); // Berlin, a week after the autumn change
    const nineWeekAgo = Date.parse('2026-10-25T09:00:00+01:00');
    expect(nine - nineWeekAgo).toBe(7 * DAY_MS);
    const summerNine = Date.parse('2026-03-29T09:00:00+02:00');
    expect(weekEarlierHour([hour(Date.parse('2026-03-22T09:00:00+01:00'), 1.3)], summerNine, 'Europe/Berlin')?.travelTimeIndex).toBe(1.3);
  });

  it('has nothing when the bridge did not run a week ago', () => {
    expect(weekEarlierHour(undefined, 0, 'UTC')).toBeNull();
    expect(weekEarlierHour([], 0, 'UTC')).toBeNull();
    expect(weekEarlierHour([hour(-7 * DAY_MS + HOUR_MS, 1)], 0, 'UTC')).toBeNull();
  });
});

describe('TV page cycle', () => {
  it('shows each page for its time and starts over, forever', () => {
    const pageMs = 20_000;
    const pages = [0, 19_999, 20_000, 40_000, 60_000, 60_000 * 1000 + 20_000].map((ms) => tvPageIndex(ms, pageMs, TV_PAGES.length));
    expect(pages).toEqual([0, 0, 1, 2, 0, 1]);
    expect(msToNextPage(5_000, pageMs)).toBe(15_000);
    expect(msToNextPage(20_000, pageMs)).toBe(20_000);
  });

  it('lands on the right page after a tab slept', () => {
    expect(tvPageIndex(7 * 20_000 + 3, 20_000, 3)).toBe(1);
  });

  it('reads tv and interval from the URL, ignoring an interval out of range', () => {
    const range = { min: 5, max: 600 };
    expect(parseTvQuery({ tv: '1', interval: '30' }, range)).toEqual({ on: true, pageS: 30 });
    expect(parseTvQuery({ tv: null }, range)).toEqual({ on: true, pageS: null });
    expect(parseTvQuery({ interval: '2' }, range)).toEqual({ on: false, pageS: null });
    expect(parseTvQuery({ tv: '0' }, range).on).toBe(false);
  });
});

describe('district map', () => {
  it('bands districts at the console fill steps', () => {
    expect([1, 1.19, 1.2, 1.5, 1.99, 2, 3].map(mapBand)).toEqual([0, 0, 1, 2, 2, 3, 3]);
  });

  it('draws outlines north up in a box holding the whole city', () => {
    const geometry = districtMapGeometry([{ id: 'd1', ringM: [[0, 0], [100, 0], [100, 50]], labelM: [60, 20] }], 0);
    expect(geometry.viewBox).toBe('0 -50 100 50');
    expect(geometry.shapes[0]).toEqual({ districtId: 'd1', path: 'M0,0L100,0L100,-50Z', labelX: 60, labelY: -20 });
  });

  it('badges each district with its open alerts, coloured by the most severe', () => {
    const badges = openAlertBadges([
      alert({ districtId: 'd1', severity: 'Minor' }),
      alert({ districtId: 'd1', severity: 'Severe' }),
      alert({ districtId: 'd1', severity: 'Moderate' }),
      alert({ districtId: 'd2', severity: 'Extreme', status: 'resolved' }),
    ]);
    expect([...badges]).toEqual([['d1', { count: 3, severity: 'Severe' }]]);
  });
});

describe('sparkline', () => {
  it('fits the figures to the box and breaks the line at gaps', () => {
    expect(sparklineRuns([1, 2, null, 3], 30, 10)).toEqual(['0.0,10.0 10.0,5.0', '30.0,0.0']);
    expect(sparklineRuns([], 30, 10)).toEqual([]);
    expect(sparklineRuns([2, 2], 10, 10)).toEqual(['0.0,5.0 10.0,5.0']);
  });

  it("counts per hour of the city's day up to now", () => {
    expect(countPerHour([0, 10, HOUR_MS + 1, 5 * HOUR_MS], 0, 2 * HOUR_MS + 5)).toEqual([2, 1, 0]);
  });
});
