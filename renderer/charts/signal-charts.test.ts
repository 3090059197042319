import { describe, expect, it } from 'vitest';
import type { ChartTheme } from './chart-theme';
import { signalApproachesOption } from './signal-approaches';
import { signalEffectOption } from './signal-effect';

const theme: ChartTheme = {
  textColor: '#fff',
  mutedColor: '#999',
  lineColor: '#333',
  surfaceColor: '#111',
  seriesColors: ['#22d3ee', '#5b9dff', '#b68cff', '#a3e635'],
  fontFamily: 'Noto Sans SC',
  fontPx: 32,
};

const asArray = <T>(value: T | T[] | undefined): T[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

describe('signalApproachesOption', () => {
  const option = signalApproachesOption(
    { labels: ['N', 'E'], queueVeh: [4, 12], volumeVehPerH: [600, 1250], queueName: 'Queue (veh)', volumeName: 'Volume (veh/h)' },
    theme,
  );

  it('draws the queue and the volume of each approach against their own axes', () => {
    const series = asArray(option.series);
    expect(series.map((s) => [s.name, s.yAxisIndex, s.data])).toEqual([
      ['Queue (veh)', 0, [4, 12]],
      ['Volume (veh/h)', 1, [600, 1250]],
    ]);
    expect(asArray(option.yAxis).map((axis) => axis.name)).toEqual(['Queue (veh)', 'Volume (veh/h)']);
  });

  it('labels the approaches in order on the category axis', () => {
    expect(asArray(option.xAxis)[0]).toMatchObject({ type: 'category', data: ['N', 'E'] });
  });
});

describe('signalEffectOption', () => {
  const option = signalEffectOption(
    {
      figures: [
        { label: 'Delay (s/veh)', before: 42.25, after: 30.5 },
        { label: 'Queue (veh)', before: 12, after: 8 },
      ],
      beforeName: 'Before',
      afterName: 'After',
    },
    theme,
  );

  it('gives each figure its own grid and axis, so seconds and vehicles never share a scale', () => {
    expect(asArray(option.grid)).toHaveLength(2);
    expect(asArray(option.yAxis).map((axis) => axis.gridIndex)).toEqual([0, 1]);
  });

  it('pairs the before and after bar of each figure, labelled with the value', () => {
    const series = asArray(option.series);
    expect(series.map((s) => [s.name, s.xAxisIndex, s.data])).toEqual([
      ['Before', 0, [42.25]],
      ['After', 0, [30.5]],
      ['Before', 1, [12]],
      ['After', 1, [8]],
    ]);
    const label = series[0]!.label as { formatter: () => string };
    expect(label.formatter()).toBe('42.3');
  });
});
