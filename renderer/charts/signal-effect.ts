/**
 * A plan change's measured effect: delay per vehicle and queue, before vs
 * after, as pairs of bars. The two figures have different units, so each
 * pair sits in its own small grid with its own axis, side by side.
 */
import { type ChartTheme, CONTAINED_GRID } from './chart-theme';
import type { ChartOption } from './echarts';

export interface EffectFigure {
  /** What is measured, with its unit, in the UI language, e.g. "Delay (s/veh)". */
  label: string;
  before: number;
  after: number;
}

export interface SignalEffectData {
  /** Usually two: delay per vehicle and queue. */
  figures: readonly EffectFigure[];
  /** Names of the two windows, in the UI language. */
  beforeName: string;
  afterName: string;
  /** A figure as its bar label shows it, in the UI language. @default one decimal */
  formatValue?: (value: number) => string;
}

export function signalEffectOption(data: SignalEffectData, theme: ChartTheme): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  const format = data.formatValue ?? ((value: number) => value.toFixed(1));
  const count = Math.max(1, data.figures.length);
  const widthPct = 100 / count;
  const colors = [theme.mutedColor, theme.seriesColors[0]!];
  return {
    textStyle: text,
    legend: { top: 0, textStyle: muted, data: [data.beforeName, data.afterName], itemWidth: theme.fontPx, itemHeight: theme.fontPx * 0.6 },
    tooltip: { trigger: 'item', backgroundColor: theme.surfaceColor, borderColor: theme.lineColor, textStyle: text },
    grid: data.figures.map((_, i) => ({
      top: theme.fontPx * 3,
      bottom: 0,
      left: `${i * widthPct + 2}%`,
      width: `${widthPct - 4}%`,
      ...CONTAINED_GRID,
    })),
    xAxis: data.figures.map((figure, i) => ({
      type: 'category' as const,
      gridIndex: i,
      data: [figure.label],
      axisLabel: muted,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.lineColor } },
    })),
    yAxis: data.figures.map((_, i) => ({
      type: 'value' as const,
      gridIndex: i,
      min: 0,
      axisLabel: { show: false },
      splitLine: { lineStyle: { color: theme.lineColor } },
    })),
    series: data.figures.flatMap((figure, i) =>
      (['before', 'after'] as const).map((side, k) => ({
        type: 'bar' as const,
        name: side === 'before' ? data.beforeName : data.afterName,
        xAxisIndex: i,
        yAxisIndex: i,
        barMaxWidth: theme.fontPx * 2,
        itemStyle: { color: colors[k] },
        label: { show: true, position: 'top' as const, ...text, formatter: () => format(figure[side]) },
        data: [figure[side]],
      })),
    ),
  };
}
