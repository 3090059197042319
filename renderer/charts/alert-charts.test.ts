import { ALERT_KINDS, type AlertKind } from '@protocol';
import { describe, expect, it } from 'vitest';
import { alertsPerHourOption } from './alerts-per-hour';
import { alertsPerKindOption } from './alerts-per-kind';
import type { ChartTheme } from './chart-theme';
import { timeToAcknowledgeOption } from './time-to-acknowledge';

const theme: ChartTheme = {
  textColor: '#fff',
  mutedColor: '#999',
  lineColor: '#333',
  surfaceColor: '#111',
  seriesColors: ['#a00', '#0a0', '#00a', '#aa0'],
  fontFamily: 'Noto Sans SC',
  fontPx: 20,
};

type Bar = { value: number | string; itemStyle: { color: string } };
const bars = (option: ReturnType<typeof alertsPerKindOption>) => (option.series as { data: Bar[] }[])[0]!.data;
const labels = (option: ReturnType<typeof alertsPerKindOption>) => (option.xAxis as { data: string[] }).data;

describe('alertsPerKindOption', () => {
  const counts = Object.fromEntries(ALERT_KINDS.map((kind, i) => [kind, i])) as Record<AlertKind, number>;
  const kindLabels = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, `label:${kind}`])) as Record<AlertKind, string>;
  const option = alertsPerKindOption({ counts, kindLabels, seriesName: 'Alerts' }, theme);

  it('draws one bar per kind in catalogue order, labelled in the UI language', () => {
    expect(labels(option)).toEqual(ALERT_KINDS.map((kind) => `label:${kind}`));
    expect(bars(option).map((bar) => bar.value)).toEqual(ALERT_KINDS.map((_, i) => i));
  });

  it('keeps the count axis to whole numbers', () => {
    expect((option.yAxis as { minInterval?: number }).minInterval).toBe(1);
  });
});

describe('alertsPerHourOption', () => {
  it('labels each hour with the formatter and keeps the oldest on the left', () => {
    const option = alertsPerHourOption(
      { hours: [{ hourStartMs: 0, count: 2 }, { hourStartMs: 3_600_000, count: 5 }], formatHour: (ms) => `h${ms / 3_600_000}`, seriesName: 'Per hour' },
      theme,
    );
    expect(labels(option)).toEqual(['h0', 'h1']);
    expect(bars(option).map((bar) => bar.value)).toEqual([2, 5]);
  });
});

describe('timeToAcknowledgeOption', () => {
  const none = { meanMs: null, count: 0 };
  const option = timeToAcknowledgeOption(
    {
      bySeverity: { Extreme: { meanMs: 90_000, count: 2 }, Severe: none, Moderate: none, Minor: { meanMs: 30_000, count: 1 }, Unknown: none },
      severityLabels: { Extreme: 'X', Severe: 'S', Moderate: 'M', Minor: 'm', Unknown: '?' },
      severityColors: { Extreme: '#f00', Severe: '#e00', Moderate: '#fb0', Minor: '#00f', Unknown: '#888' },
      formatMinutes: (minutes) => `${minutes} min`,
      seriesName: 'Mean time to acknowledge',
    },
    theme,
  );

  it('shows minutes per severity, coloured by severity', () => {
    expect(bars(option).map((bar) => bar.value)).toEqual([1.5, '-', '-', 0.5, '-']);
    expect(bars(option)[0]!.itemStyle.color).toBe('#f00');
  });

  it('draws no bar, not a zero, for a severity nobody acknowledged', () => {
    expect(bars(option)[1]!.value).not.toBe(0);
  });

  it('formats the axis with the unit', () => {
    const formatter = (option.yAxis as { axisLabel: { formatter: (value: number) => string } }).axisLabel.formatter;
    expect(formatter(2)).toBe('2 min');
  });
});
