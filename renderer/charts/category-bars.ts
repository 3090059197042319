/**
 * Bars over named categories, the shape every alert chart takes; the
 * exported builders beside it say what the bars mean. The bars lie
 * horizontally, one category per row with its label before it and its value
 * after it: every label gets a row of its own, so none is hidden for lack of
 * width (vertical bars with five labels under a narrow panel dropped two).
 */
import { type ChartTheme, CONTAINED_GRID } from './chart-theme';
import type { ChartOption } from './echarts';

export interface CategoryBars {
  /** Category labels, left to right, in the UI language. */
  labels: readonly string[];
  /** One value per label; null draws no bar (nothing to measure), unlike 0. */
  values: readonly (number | null)[];
  /** Name of the series for the tooltip, in the UI language. */
  seriesName: string;
  /** One colour per bar; the theme's first series colour when omitted. */
  colors?: readonly string[];
  /** A value as the axis and tooltip show it. @default String */
  formatValue?: (value: number) => string;
  /** Whole numbers only on the value axis (counts). @default true */
  integerAxis?: boolean;
}

export function categoryBarsOption(bars: CategoryBars, theme: ChartTheme): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  const format = bars.formatValue ?? String;
  const fallback = theme.seriesColors[0];
  return {
    textStyle: text,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: theme.surfaceColor,
      borderColor: theme.lineColor,
      textStyle: text,
      valueFormatter: (value) => (typeof value === 'number' ? format(value) : '—'),
    },
    grid: { top: 0, left: 0, right: theme.fontPx * 2.5, bottom: 0, ...CONTAINED_GRID },
    yAxis: {
      type: 'category',
      data: [...bars.labels],
      // First label on top, as the list reads; every label shown (interval 0), none dropped for overlap.
      inverse: true,
      axisLabel: { ...text, interval: 0, hideOverlap: false },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.lineColor } },
    },
    xAxis: {
      type: 'value',
      ...((bars.integerAxis ?? true) && { minInterval: 1 }),
      axisLabel: { ...muted, formatter: (value: number) => format(value), hideOverlap: true },
      splitLine: { lineStyle: { color: theme.lineColor } },
    },
    series: [
      {
        type: 'bar',
        name: bars.seriesName,
        barMaxWidth: theme.fontPx * 1.2,
        label: { show: true, position: 'right', ...text, formatter: ({ value }: { value: unknown }) => (typeof value === 'number' ? format(value) : '') },
        data: bars.values.map((value, i) => ({
          value: value ?? '-',
          itemStyle: { color: bars.colors?.[i] ?? fallback },
        })),
      },
    ],
  };
}
