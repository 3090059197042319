import { DEVICE_KINDS } from '@protocol';
import { describe, expect, it } from 'vitest';
import type { ChartTheme } from './chart-theme';
import { type DevicesByDistrictData, devicesByDistrictOption } from './devices-by-district';

const theme: ChartTheme = {
  textColor: '#fff',
  mutedColor: '#999',
  lineColor: '#333',
  surfaceColor: '#111',
  seriesColors: ['#a00', '#0a0', '#00a', '#aa0'],
  fontFamily: 'Noto Sans SC',
  fontPx: 40,
};

const data: DevicesByDistrictData = {
  districts: [
    { name: 'Old Town', devices: { camera: 40, 'loop-detector': 12, 'fire-alarm': 7, 'air-sensor': 2 } },
    { name: 'Riverside', devices: { camera: 9, 'loop-detector': 0, 'fire-alarm': 3, 'air-sensor': 1 } },
  ],
  kindLabels: { camera: 'Cameras', 'loop-detector': 'Loops', 'fire-alarm': 'Fire alarms', 'air-sensor': 'Air' },
};

const asArray = <T>(value: T | T[] | undefined): T[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

describe('devicesByDistrictOption', () => {
  const option = devicesByDistrictOption(data, theme);
  const series = asArray(option.series);

  it('stacks one bar series per device kind, named in the UI language', () => {
    expect(series.map((s) => s.name)).toEqual(['Cameras', 'Loops', 'Fire alarms', 'Air']);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'devices')).toBe(true);
    expect(series).toHaveLength(DEVICE_KINDS.length);
  });

  it('lists the districts top to bottom in the given order, with their counts', () => {
    const [yAxis] = asArray(option.yAxis);
    expect(yAxis).toMatchObject({ type: 'category', inverse: true, data: ['Old Town', 'Riverside'] });
    expect(series[0]?.data).toEqual([40, 9]);
    expect(series[1]?.data).toEqual([12, 0]);
    expect(series[3]?.data).toEqual([2, 1]);
  });

  it('colours and sizes everything from the theme', () => {
    expect(option.color).toEqual(theme.seriesColors);
    const [yAxis] = asArray(option.yAxis);
    expect(yAxis?.axisLabel).toMatchObject({ fontSize: 40, color: '#fff' });
    expect(asArray(option.legend)[0]?.textStyle).toMatchObject({ fontSize: 40 });
  });

  it('draws an empty chart for a city without districts', () => {
    const empty = devicesByDistrictOption({ ...data, districts: [] }, theme);
    expect(asArray(empty.yAxis)[0]).toMatchObject({ data: [] });
    expect(asArray(empty.series).every((s) => Array.isArray(s.data) && s.data.length === 0)).toBe(true);
  });
});
