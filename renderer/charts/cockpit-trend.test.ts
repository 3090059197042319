import { describe, expect, it } from 'vitest';
import type { ChartTheme } from './chart-theme';
import { MIN_HOURS_SHOWN, cockpitTrendOption, fitIndexAxis, trendHourRange } from './cockpit-trend';

const theme: ChartTheme = {
  textColor: '#fff',
  mutedColor: '#999',
  lineColor: '#333',
  surfaceColor: '#111',
  seriesColors: ['#0af', '#fa0', '#0fa', '#f0a'],
  fontFamily: 'sans-serif',
  fontPx: 24,
};

const hours = (values: Record<number, number>) => Array.from({ length: 24 }, (_, hour) => values[hour] ?? null);

describe('cockpitTrendOption', () => {
  it('draws today and yesterday over the day so far and a few hours ahead, leaving gaps where no hour is on record', () => {
    const option = cockpitTrendOption({ today: hours({ 7: 1.4, 8: 1.9 }), yesterday: hours({ 7: 1.3 }), todayName: 'Today', yesterdayName: 'Yesterday' }, theme);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual(['Today', 'Yesterday']);
    expect(series[0]!.data[1]).toBe(1.9);
    expect(series[1]!.data[1]).toBeNull();
    expect((option.xAxis as { data: string[] }).data).toEqual(['07:00', '08:00', '09:00', '10:00', '11:00', '12:00']);
    expect((option.yAxis as { max: number }).max).toBeGreaterThanOrEqual(1.9);
  });

  it('shows the first hour of a day as a labelled point at the start of a short axis, not a dot across half the screen (issue 14)', () => {
    const option = cockpitTrendOption({ today: hours({ 0: 1.12 }), yesterday: hours({}), todayName: 'T', yesterdayName: 'Y' }, theme);
    expect((option.xAxis as { data: string[] }).data).toHaveLength(MIN_HOURS_SHOWN);
    const today = (option.series as { label: { show: boolean } }[])[0]!;
    expect(today.label.show).toBe(true);
    const yAxis = option.yAxis as { min: number; max: number };
    expect(yAxis.max - yAxis.min).toBeLessThan(1);
  });

  it('draws the target as a line and keeps it inside the axis', () => {
    const option = cockpitTrendOption({ today: hours({ 3: 1.1 }), yesterday: hours({}), todayName: 'T', yesterdayName: 'Y', target: { value: 1.5, label: '≤ 1.5' } }, theme);
    expect((option.yAxis as { max: number }).max).toBeGreaterThanOrEqual(1.5);
    const targetLine = (option.series as { name: string; data: number[] }[])[2]!;
    expect(targetLine.name).toBe('≤ 1.5');
    expect(new Set(targetLine.data)).toEqual(new Set([1.5]));
  });

  it('scales its labels with the panel type size', () => {
    const option = cockpitTrendOption({ today: hours({}), yesterday: hours({}), todayName: 'T', yesterdayName: 'Y' }, { ...theme, fontPx: 48 });
    expect((option.textStyle as { fontSize: number }).fontSize).toBe(48);
  });
});

describe('trendHourRange', () => {
  it('spans the hours on record, at least six, three more when yesterday has them, all of yesterday before any hour today', () => {
    expect(trendHourRange(hours({ 0: 1.1 }), hours({}))).toEqual({ fromHour: 0, toHour: 6 });
    expect(trendHourRange(hours({ 7: 1.1 }), hours({}))).toEqual({ fromHour: 7, toHour: 13 });
    expect(trendHourRange(hours({ 7: 1.1, 10: 1.2 }), hours({ 3: 1.2 }))).toEqual({ fromHour: 3, toHour: 14 });
    expect(trendHourRange(hours({ 23: 1.1 }), hours({}))).toEqual({ fromHour: 18, toHour: 24 });
    expect(trendHourRange(hours({}), hours({ 3: 1.2 }))).toEqual({ fromHour: 3, toHour: 24 });
    expect(trendHourRange(hours({}), hours({}))).toEqual({ fromHour: 0, toHour: MIN_HOURS_SHOWN });
  });
});

describe('fitIndexAxis', () => {
  it('fits the range to the figures with room around them instead of 1 to 100', () => {
    expect(fitIndexAxis([1.32, 1.58])).toEqual({ min: 1.2, max: 1.7 });
  });

  it('keeps a flat day at least 0.2 tall and a calm range when nothing is known', () => {
    const flat = fitIndexAxis([1.25]);
    expect(flat.min).toBeLessThanOrEqual(1.15);
    expect(flat.max).toBeGreaterThanOrEqual(1.35);
    expect(fitIndexAxis([])).toEqual({ min: 1, max: 1.5 });
  });
});
