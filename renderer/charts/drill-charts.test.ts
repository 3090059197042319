import { CAP_SEVERITIES, type CapSeverity } from '@protocol';
import { describe, expect, it } from 'vitest';
import type { ChartTheme } from './chart-theme';
import { categoryBarsOption } from './category-bars';
import { approachBarsOption } from './drill-approach-bars';
import { severityBars } from './drill-severity-bars';

const theme: ChartTheme = {
  textColor: '#fff',
  mutedColor: '#999',
  lineColor: '#333',
  surfaceColor: '#111',
  seriesColors: ['#a00', '#0a0', '#00a', '#aa0'],
  fontFamily: 'Noto Sans SC',
  fontPx: 20,
};

const bySeverity = <T>(make: (severity: CapSeverity) => T) =>
  Object.fromEntries(CAP_SEVERITIES.map((severity) => [severity, make(severity)])) as Record<CapSeverity, T>;

describe('severityBars', () => {
  it('puts the most severe bar first, with each severity in its own colour and label', () => {
    const bars = severityBars({
      counts: { Extreme: 1, Severe: 2, Moderate: 3, Minor: 4, Unknown: 0 },
      severityLabels: bySeverity((s) => `label:${s}`),
      colors: bySeverity((s) => `#${s.length}${s.length}0000`),
      seriesName: 'Open alerts',
    });
    expect(bars.labels).toEqual(['label:Extreme', 'label:Severe', 'label:Moderate', 'label:Minor', 'label:Unknown']);
    expect(bars.values).toEqual([1, 2, 3, 4, 0]);
    expect(bars.colors?.[0]).toBe('#770000');
  });
});

describe('approachBarsOption', () => {
  const option = approachBarsOption(
    {
      approaches: [
        { label: 'Jiefang Rd', volumeVehPerH: 640.4, queueVeh: 7.26 },
        { label: 'North St', volumeVehPerH: 120, queueVeh: 0 },
      ],
      volumeName: 'Volume (veh/h)',
      queueName: 'Queue (veh)',
    },
    theme,
  );
  const series = option.series as { name: string; yAxisIndex: number; data: number[] }[];

  it('draws volumes on the left axis and queues on the right, one category per approach', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['Jiefang Rd', 'North St']);
    expect(series.map((s) => [s.name, s.yAxisIndex])).toEqual([['Volume (veh/h)', 0], ['Queue (veh)', 1]]);
    expect((option.yAxis as { name: string; position: string }[]).map((axis) => axis.position)).toEqual(['left', 'right']);
  });

  it('rounds volumes to whole vehicles per hour and queues to a tenth of a vehicle', () => {
    expect(series[0]!.data).toEqual([640, 120]);
    expect(series[1]!.data).toEqual([7.3, 0]);
  });
});

describe('categoryBarsOption', () => {
  const option = categoryBarsOption(
    { labels: ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'], values: [1, 2, 3, 4, 0], seriesName: 'Open alerts' },
    theme,
  );

  it('labels every bar (regression: hideOverlap showed three of five severities)', () => {
    const axis = option.yAxis as { type: string; data: string[]; axisLabel: { interval: number; hideOverlap: boolean } };
    expect(axis.type).toBe('category');
    expect(axis.data).toHaveLength(5);
    expect(axis.axisLabel).toMatchObject({ interval: 0, hideOverlap: false });
  });

  it('writes each value at the end of its bar', () => {
    const series = option.series as { label: { show: boolean } }[];
    expect(series[0]!.label.show).toBe(true);
  });
});

describe('approach labels', () => {
  it('labels every approach, cutting a long name with an ellipsis instead of hiding it', () => {
    const option = approachBarsOption({ approaches: [], volumeName: 'v', queueName: 'q' }, theme);
    expect((option.xAxis as { axisLabel: object }).axisLabel).toMatchObject({ interval: 0, hideOverlap: false, overflow: 'truncate', width: 120 });
  });
});
