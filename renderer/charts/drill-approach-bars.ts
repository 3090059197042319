/**
 * An intersection's approaches side by side: the volume entering from each
 * (vehicles per hour, left axis) and the queue waiting on it (vehicles,
 * right axis). Two axes, because the two quantities differ by two orders of
 * magnitude and one shared axis would flatten the queues.
 */
import { type ChartTheme, CONTAINED_GRID, inwardAxisName } from './chart-theme';
import type { ChartOption } from './echarts';

export interface ApproachBarsData {
  approaches: readonly { label: string; volumeVehPerH: number; queueVeh: number }[];
  /** Series names with their units, in the UI language, e.g. "Volume (veh/h)". */
  volumeName: string;
  queueName: string;
}

export function approachBarsOption({ approaches, volumeName, queueName }: ApproachBarsData, theme: ChartTheme): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  const valueAxis = (name: string, position: 'left' | 'right') => ({
    type: 'value' as const,
    name,
    position,
    ...inwardAxisName(position),
    nameTextStyle: { ...muted, ...inwardAxisName(position).nameTextStyle },
    minInterval: 1,
    axisLabel: muted,
    splitLine: { show: position === 'left', lineStyle: { color: theme.lineColor } },
  });
  return {
    color: [theme.seriesColors[0]!, theme.seriesColors[2] ?? theme.seriesColors[0]!],
    textStyle: text,
    legend: { top: 0, textStyle: muted },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, backgroundColor: theme.surfaceColor, borderColor: theme.lineColor, textStyle: text },
    grid: { top: theme.fontPx * 3.5, left: 0, right: 0, bottom: 0, ...CONTAINED_GRID },
    xAxis: {
      type: 'category',
      data: approaches.map((approach) => approach.label),
      axisLabel: { ...muted, hideOverlap: true },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.lineColor } },
    },
    yAxis: [valueAxis(volumeName, 'left'), valueAxis(queueName, 'right')],
    series: [
      { type: 'bar', name: volumeName, yAxisIndex: 0, barMaxWidth: theme.fontPx * 1.2, data: approaches.map((a) => Math.round(a.volumeVehPerH)) },
      { type: 'bar', name: queueName, yAxisIndex: 1, barMaxWidth: theme.fontPx * 1.2, data: approaches.map((a) => Math.round(a.queueVeh * 10) / 10) },
    ],
  };
}
