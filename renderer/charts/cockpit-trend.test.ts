import { describe, expect, it } from 'vitest';
import type { ChartTheme } from './chart-theme';
import { cockpitTrendOption } from './cockpit-trend';

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
  it('draws today and yesterday over the 24 hours, leaving gaps where no hour is on record', () => {
    const option = cockpitTrendOption({ today: hours({ 7: 1.4, 8: 1.9 }), yesterday: hours({ 7: 1.3 }), todayName: 'Today', yesterdayName: 'Yesterday' }, theme);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual(['Today', 'Yesterday']);
    expect(series[0]!.data[8]).toBe(1.9);
    expect(series[1]!.data[8]).toBeNull();
    expect((option.xAxis as { data: string[] }).data).toHaveLength(24);
    expect((option.yAxis as { max: number }).max).toBeGreaterThanOrEqual(1.9);
  });

  it('scales its labels with the panel type size', () => {
    const option = cockpitTrendOption({ today: hours({}), yesterday: hours({}), todayName: 'T', yesterdayName: 'Y' }, { ...theme, fontPx: 48 });
    expect((option.textStyle as { fontSize: number }).fontSize).toBe(48);
  });
});
