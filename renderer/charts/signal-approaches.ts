/**
 * Queues and volumes on the approaches of one signalized intersection: two
 * bars per approach, each against its own axis because they are measured in
 * different units (vehicles queued now, vehicles per hour arriving lately).
 */
import { type ChartTheme, CONTAINED_GRID, inwardAxisName } from './chart-theme';
import type { ChartOption } from './echarts';

export interface SignalApproachesData {
  /** One label per approach, left to right, in the UI language (e.g. "N approach"). */
  labels: readonly string[];
  /** Vehicles queued now on each approach. */
  queueVeh: readonly number[];
  /** Arrival volume of each approach over recent minutes, veh/h. */
  volumeVehPerH: readonly number[];
  /** Series names with their unit, in the UI language, e.g. "Queue (veh)". */
  queueName: string;
  volumeName: string;
  /** A number as the axes and tooltip show it, in the UI language. @default whole numbers */
  formatNumber?: (value: number) => string;
}

export function signalApproachesOption(data: SignalApproachesData, theme: ChartTheme): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  const format = data.formatNumber ?? ((value: number) => Math.round(value).toString());
  const valueAxis = (name: string, position: 'left' | 'right') => ({
    type: 'value' as const,
    name,
    position,
    ...inwardAxisName(position),
    nameTextStyle: { ...muted, ...inwardAxisName(position).nameTextStyle },
    minInterval: 1,
    axisLabel: { ...muted, formatter: (value: number) => format(value) },
    splitLine: { show: position === 'left', lineStyle: { color: theme.lineColor } },
  });
  return {
    color: [theme.seriesColors[0]!, theme.seriesColors[1]!],
    textStyle: text,
    legend: { top: 0, textStyle: muted, itemWidth: theme.fontPx, itemHeight: theme.fontPx * 0.6 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: theme.surfaceColor,
      borderColor: theme.lineColor,
      textStyle: text,
      valueFormatter: (value) => (typeof value === 'number' ? format(value) : '—'),
    },
    grid: { top: theme.fontPx * 3.5, left: 0, right: 0, bottom: 0, ...CONTAINED_GRID },
    xAxis: {
      type: 'category',
      data: [...data.labels],
      // Every approach keeps its name: "North approach" breaks onto two lines rather than being hidden as an overlap.
      axisLabel: { ...muted, interval: 0, formatter: (label: string) => label.replace(' ', '\n') },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.lineColor } },
    },
    yAxis: [valueAxis(data.queueName, 'left'), valueAxis(data.volumeName, 'right')],
    series: [
      { type: 'bar', name: data.queueName, yAxisIndex: 0, barMaxWidth: theme.fontPx * 1.5, data: [...data.queueVeh] },
      { type: 'bar', name: data.volumeName, yAxisIndex: 1, barMaxWidth: theme.fontPx * 1.5, data: [...data.volumeVehPerH] },
    ],
  };
}
