/**
 * The citywide travel time index over the last hours of sim time: one line,
 * with the free-flow level (1.0) as the floor of the axis, so a glance says
 * how much longer trips take than on empty roads.
 */
import { type ChartTheme, CONTAINED_GRID } from './chart-theme';
import type { ChartOption } from './echarts';

export interface TravelTimeIndexData {
  /** Oldest first: sim time (ms since the epoch) and the index (actual / free-flow travel time). */
  points: readonly { simTimeMs: number; travelTimeIndex: number }[];
  /** Name of the line, in the UI language. */
  seriesName: string;
  /** Sim time the chart spans, ending at the newest point, ms. */
  windowMs: number;
  /** A sim time as the axis shows it, in the city's time zone, e.g. "08:30". */
  formatTime: (simTimeMs: number) => string;
}

/** Headroom above the highest point, as a share of its distance from free flow. */
const HEADROOM = 0.1;
/** Lowest top of the axis: an empty city still shows a scale, not a flat line at the top. */
const MIN_AXIS_TOP = 1.5;

/** Top of the index axis: the highest point plus headroom, rounded up to a tenth, at least MIN_AXIS_TOP. */
export function indexAxisTop(points: TravelTimeIndexData['points']): number {
  const highest = Math.max(1, ...points.map((point) => point.travelTimeIndex));
  return Math.max(MIN_AXIS_TOP, Math.ceil((highest + (highest - 1) * HEADROOM) * 10 - 1e-9) / 10);
}

export function travelTimeIndexOption(
  { points, seriesName, windowMs, formatTime }: TravelTimeIndexData,
  theme: ChartTheme,
): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  const color = theme.seriesColors[0];
  const newestMs = points.at(-1)?.simTimeMs;
  return {
    color: [color],
    textStyle: text,
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.surfaceColor,
      borderColor: theme.lineColor,
      textStyle: text,
      valueFormatter: (value) => (typeof value === 'number' ? value.toFixed(2) : String(value)),
      axisPointer: { label: { formatter: ({ value }) => formatTime(Number(value)) } },
    },
    grid: { top: theme.fontPx, left: 0, right: theme.fontPx, bottom: 0, ...CONTAINED_GRID },
    xAxis: {
      type: 'time',
      // The whole window from the start, so the line grows in from the right instead of stretching.
      ...(newestMs !== undefined && { min: newestMs - windowMs, max: newestMs }),
      axisLabel: { ...muted, formatter: (value: number) => formatTime(value), hideOverlap: true },
      axisLine: { lineStyle: { color: theme.lineColor } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      // Free flow is the floor.
      min: 1,
      max: indexAxisTop(points),
      axisLabel: { ...muted, formatter: (value: number) => value.toFixed(1) },
      splitLine: { lineStyle: { color: theme.lineColor } },
    },
    series: [
      {
        type: 'line',
        name: seriesName,
        showSymbol: false,
        smooth: false,
        lineStyle: { width: Math.max(2, theme.fontPx / 8) },
        areaStyle: { opacity: 0.15 },
        data: points.map((point) => [point.simTimeMs, point.travelTimeIndex]),
      },
    ],
  };
}
