/**
 * Today's citywide travel time index hour by hour beside yesterday's, for
 * the cockpit: two lines over the hours of the day, yesterday muted and
 * dashed. Hours without a record are gaps, never zeros.
 */
import { type ChartTheme, CONTAINED_GRID } from './chart-theme';
import type { ChartOption } from './echarts';
import { indexAxisTop } from './travel-time-index';

export interface CockpitTrendData {
  /** Index per local hour of the day (24 entries), null where no hour is on record. */
  today: readonly (number | null)[];
  yesterday: readonly (number | null)[];
  /** Series names in the UI language. */
  todayName: string;
  yesterdayName: string;
}

export function cockpitTrendOption({ today, yesterday, todayName, yesterdayName }: CockpitTrendData, theme: ChartTheme): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  const known = [...today, ...yesterday].filter((value): value is number => value !== null);
  const lineWidth = Math.max(2, theme.fontPx / 8);
  return {
    color: [theme.seriesColors[0], theme.mutedColor],
    textStyle: text,
    legend: { top: 0, right: 0, textStyle: muted, itemWidth: theme.fontPx * 1.5, itemHeight: theme.fontPx / 2 },
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.surfaceColor,
      borderColor: theme.lineColor,
      textStyle: text,
      valueFormatter: (value) => (typeof value === 'number' ? value.toFixed(2) : '—'),
    },
    grid: { top: theme.fontPx * 2.5, left: 0, right: theme.fontPx, bottom: 0, ...CONTAINED_GRID },
    xAxis: {
      type: 'category',
      data: Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`),
      axisLabel: { ...muted, hideOverlap: true },
      axisLine: { lineStyle: { color: theme.lineColor } },
    },
    yAxis: {
      type: 'value',
      min: 1,
      max: indexAxisTop(known.map((travelTimeIndex) => ({ simTimeMs: 0, travelTimeIndex }))),
      axisLabel: { ...muted, formatter: (value: number) => value.toFixed(1) },
      splitLine: { lineStyle: { color: theme.lineColor } },
    },
    series: [
      { type: 'line', name: todayName, data: [...today], connectNulls: false, showSymbol: true, lineStyle: { width: lineWidth } },
      {
        type: 'line',
        name: yesterdayName,
        data: [...yesterday],
        connectNulls: false,
        showSymbol: false,
        lineStyle: { width: lineWidth, type: 'dashed' },
      },
    ],
  };
}
