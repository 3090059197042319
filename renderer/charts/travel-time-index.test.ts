import { describe, expect, it } from 'vitest';
import type { ChartTheme } from './chart-theme';
import { indexAxisTop, travelTimeIndexOption } from './travel-time-index';

const theme: ChartTheme = {
  textColor: '#fff',
  mutedColor: '#999',
  lineColor: '#333',
  surfaceColor: '#111',
  seriesColors: ['#22d3ee', '#0a0', '#00a', '#aa0'],
  fontFamily: 'Noto Sans SC',
  fontPx: 32,
};

const T0 = Date.UTC(2030, 0, 1, 0, 0);
const points = [
  { simTimeMs: T0, travelTimeIndex: 1.12 },
  { simTimeMs: T0 + 3600_000, travelTimeIndex: 1.84 },
  { simTimeMs: T0 + 7200_000, travelTimeIndex: 1.4 },
];
const formatTime = (ms: number) => `t+${(ms - T0) / 3600_000}h`;

const asArray = <T>(value: T | T[] | undefined): T[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

describe('travelTimeIndexOption', () => {
  const option = travelTimeIndexOption({ points, seriesName: 'Travel time index', windowMs: 6 * 3600_000, formatTime }, theme);

  it('draws one line of [sim time, index] pairs in order', () => {
    const [series] = asArray(option.series);
    expect(series).toMatchObject({ type: 'line', name: 'Travel time index' });
    expect(series?.data).toEqual([
      [T0, 1.12],
      [T0 + 3600_000, 1.84],
      [T0 + 7200_000, 1.4],
    ]);
  });

  it('puts sim time on a time axis labelled in the given (city) time, spanning the window up to the newest point', () => {
    const [xAxis] = asArray(option.xAxis);
    expect(xAxis).toMatchObject({ type: 'time', min: T0 + 7200_000 - 6 * 3600_000, max: T0 + 7200_000 });
    const formatter = (xAxis?.axisLabel as { formatter: (value: number) => string }).formatter;
    expect(formatter(T0 + 7200_000)).toBe('t+2h');
  });

  it('floors the index axis at free flow and leaves headroom above the highest point', () => {
    const [yAxis] = asArray(option.yAxis);
    expect(yAxis).toMatchObject({ type: 'value', min: 1, max: 2 });
  });

  it('sizes and colours everything from the theme', () => {
    expect(option.color).toEqual(['#22d3ee']);
    const [yAxis] = asArray(option.yAxis);
    expect(yAxis?.axisLabel).toMatchObject({ fontSize: 32, color: '#999' });
  });

  it('draws an empty chart, with a scale, before any history arrives', () => {
    const empty = travelTimeIndexOption({ points: [], seriesName: 'TTI', windowMs: 6 * 3600_000, formatTime }, theme);
    expect(asArray(empty.series)[0]?.data).toEqual([]);
    expect(asArray(empty.yAxis)[0]).toMatchObject({ min: 1, max: 1.5 });
  });
});

describe('indexAxisTop', () => {
  it('rounds the highest point plus a tenth of its excess up to the next tenth', () => {
    expect(indexAxisTop([{ simTimeMs: 0, travelTimeIndex: 2.5 }])).toBe(2.7);
    expect(indexAxisTop([{ simTimeMs: 0, travelTimeIndex: 1.84 }])).toBe(2);
  });

  it('never goes below 1.5', () => {
    expect(indexAxisTop([{ simTimeMs: 0, travelTimeIndex: 1.05 }])).toBe(1.5);
  });
});
