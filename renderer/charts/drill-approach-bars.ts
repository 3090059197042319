/**
 * An intersection's approaches side by side: the volume entering from each
 * (vehicles per hour, left axis) and the queue waiting on it (vehicles,
 * right axis). Two axes, because the two quantities differ by two orders of
 * magnitude and one shared axis would flatten the queues.
 */
import { type ChartTheme, CONTAINED_GRID } from './chart-theme';
import type { ChartOption } from './echarts';

export interface ApproachBarsData {
  approaches: readonly { label: string; volumeVehPerH: number; queueVeh: number }[];
  /** Series names with their units, in the UI language, e.g. "Volume (veh/h)". */
  volumeName: string;
  queueName: string;
}

/** Width of an approach's label, in the chart's font size: four approaches fit a narrow panel side by side. */
const APPROACH_LABEL_EMS = 6;

export function approachBarsOption({ approaches, volumeName, queueName }: ApproachBarsData, theme: ChartTheme): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  const valueAxis = (position: 'left' | 'right') => ({
    type: 'value' as const,
    // No axis name: the legend names both series, and a name over a narrow chart was cut ("lume (veh/h)").
    position,
    minInterval: 1,
    axisLabel: muted,
    splitLine: { show: position === 'left', lineStyle: { color: theme.lineColor } },
  });
  return {
    color: [theme.seriesColors[0]!, theme.seriesColors[2] ?? theme.seriesColors[0]!],
    textStyle: text,
    legend: { top: 0, textStyle: muted },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, backgroundColor: theme.surfaceColor, borderColor: theme.lineColor, textStyle: text },
    grid: { top: theme.fontPx * 2.5, left: 0, right: 0, bottom: 0, ...CONTAINED_GRID },
    xAxis: {
      type: 'category',
      data: approaches.map((approach) => approach.label),
      // Every approach labelled (interval 0), a long road name cut to about six characters' width with an
      // ellipsis; the axis tooltip shows it whole.
      axisLabel: { ...muted, interval: 0, hideOverlap: false, width: theme.fontPx * APPROACH_LABEL_EMS, overflow: 'truncate', ellipsis: '…' },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.lineColor } },
    },
    yAxis: [valueAxis('left'), valueAxis('right')],
    series: [
      { type: 'bar', name: volumeName, yAxisIndex: 0, barMaxWidth: theme.fontPx * 1.2, data: approaches.map((a) => Math.round(a.volumeVehPerH)) },
      { type: 'bar', name: queueName, yAxisIndex: 1, barMaxWidth: theme.fontPx * 1.2, data: approaches.map((a) => Math.round(a.queueVeh * 10) / 10) },
    ],
  };
}
