/**
 * Today's citywide travel time index hour by hour beside yesterday's, for
 * the cockpit: the hours on record so far (at least MIN_HOURS_SHOWN, a few
 * hours past now when yesterday shows what usually comes), the index axis fitted
 * to the figures and the target, yesterday muted and dashed, the target a
 * quiet line. Hours without a record are gaps, never zeros.
 */
import { type ChartTheme, CONTAINED_GRID } from './chart-theme';
import type { ChartOption } from './echarts';

export interface CockpitTrendData {
  /** Index per local hour of the day (24 entries), null where no hour is on record. */
  today: readonly (number | null)[];
  yesterday: readonly (number | null)[];
  /** Series names in the UI language. */
  todayName: string;
  yesterdayName: string;
  /** The index target (cockpit.targets.ttiMax) and its label, drawn as a line; absent draws none. */
  target?: { value: number; label: string };
}

/** Fewest hours the axis spans, so one hour of figures is a point at the start of a short day, not a dot mid-screen. */
export const MIN_HOURS_SHOWN = 6;
/** Hours shown past today's latest when yesterday has them: what the next hours looked like yesterday. */
export const LOOKAHEAD_HOURS = 3;

/**
 * The hours of the day the axis shows, [fromHour, toHour): from the first
 * hour on record today or yesterday (a bridge started at 07:00 has nothing
 * before it to show), through today's latest, at least MIN_HOURS_SHOWN long.
 */
export function trendHourRange(today: readonly (number | null)[], yesterday: readonly (number | null)[]): { fromHour: number; toHour: number } {
  const lastToday = lastIndexOfValue(today);
  const hasYesterday = yesterday.some((value) => value !== null);
  const firsts = [today.findIndex((value) => value !== null), yesterday.findIndex((value) => value !== null)].filter((hour) => hour >= 0);
  const fromHour = firsts.length === 0 ? 0 : Math.min(...firsts);
  if (lastToday < 0) return hasYesterday ? { fromHour, toHour: 24 } : { fromHour: 0, toHour: MIN_HOURS_SHOWN };
  const toHour = Math.min(24, Math.max(fromHour + MIN_HOURS_SHOWN, lastToday + 1 + (hasYesterday ? LOOKAHEAD_HOURS : 0)));
  return { fromHour: Math.max(0, Math.min(fromHour, toHour - MIN_HOURS_SHOWN)), toHour };
}

/**
 * The index axis around the figures: a tenth-rounded range with some room
 * above and below, at least 0.2 tall so a flat day does not magnify noise,
 * never below 0. No figures: 1–1.5, the range of a calm city.
 */
export function fitIndexAxis(values: readonly number[]): { min: number; max: number } {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { min: 1, max: 1.5 };
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const middle = (low + high) / 2;
  const half = Math.max(high - low, 0.2) / 2;
  const pad = half * 0.3;
  const min = Math.max(0, Math.floor((middle - half - pad) * 10 + 1e-9) / 10);
  const max = Math.ceil((middle + half + pad) * 10 - 1e-9) / 10;
  return { min, max: Math.max(max, min + 0.2) };
}

function lastIndexOfValue(values: readonly (number | null)[]): number {
  for (let index = values.length - 1; index >= 0; index--) if (values[index] !== null) return index;
  return -1;
}

export function cockpitTrendOption({ today, yesterday, todayName, yesterdayName, target }: CockpitTrendData, theme: ChartTheme): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  const { fromHour, toHour } = trendHourRange(today, yesterday);
  const hoursShown = toHour - fromHour;
  const todayShown = today.slice(fromHour, toHour);
  const yesterdayShown = yesterday.slice(fromHour, toHour);
  const known = [...todayShown, ...yesterdayShown].filter((value): value is number => value !== null);
  const axis = fitIndexAxis(target ? [...known, target.value] : known);
  const lineWidth = Math.max(2, theme.fontPx / 8);
  const todayCount = todayShown.filter((value) => value !== null).length;
  return {
    color: [theme.seriesColors[0], theme.mutedColor, theme.mutedColor],
    textStyle: text,
    legend: { top: 0, right: 0, textStyle: muted, itemWidth: theme.fontPx * 1.5, itemHeight: theme.fontPx / 2 },
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.surfaceColor,
      borderColor: theme.lineColor,
      textStyle: text,
      valueFormatter: (value) => (typeof value === 'number' ? value.toFixed(2) : '—'),
    },
    grid: { top: theme.fontPx * 2.2, left: 0, right: theme.fontPx * 1.5, bottom: 0, ...CONTAINED_GRID },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: Array.from({ length: hoursShown }, (_, index) => `${String(fromHour + index).padStart(2, '0')}:00`),
      axisLabel: { ...muted, hideOverlap: true },
      axisLine: { lineStyle: { color: theme.lineColor } },
    },
    yAxis: {
      type: 'value',
      min: axis.min,
      max: axis.max,
      splitNumber: 4,
      axisLabel: { ...muted, formatter: (value: number) => value.toFixed(1) },
      splitLine: { lineStyle: { color: theme.lineColor } },
    },
    series: [
      {
        type: 'line',
        name: todayName,
        data: [...todayShown],
        connectNulls: false,
        showSymbol: true,
        symbolSize: theme.fontPx / 2,
        lineStyle: { width: lineWidth },
        // One hour on record is a single point: label it so it reads as a figure, not a stray dot.
        label: { show: todayCount === 1, position: 'top', ...text, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(2) : '') },
      },
      {
        type: 'line',
        name: yesterdayName,
        data: [...yesterdayShown],
        connectNulls: false,
        showSymbol: false,
        lineStyle: { width: lineWidth, type: 'dashed' },
      },
      // The target as a flat dotted series rather than a markLine: the chart bundle registers no mark components.
      ...(target
        ? [
            {
              type: 'line' as const,
              name: target.label,
              data: new Array<number>(hoursShown).fill(target.value),
              showSymbol: false,
              silent: true,
              color: theme.mutedColor,
              lineStyle: { width: Math.max(1, lineWidth / 2), type: 'dotted' as const, color: theme.mutedColor },
            },
          ]
        : []),
    ],
  };
}
