/** Alerts raised per hour of the city clock over the last day: the city's daily rhythm at a glance. */
import type { HourCount } from '../features/alerts/alert-stats';
import { categoryBarsOption } from './category-bars';
import type { ChartTheme } from './chart-theme';
import type { ChartOption } from './echarts';

export interface AlertsPerHourData {
  /** Oldest first, as `countPerHour` gives them. */
  hours: readonly HourCount[];
  /** An hour's start as the axis shows it, in the city's time zone, e.g. "08:00". */
  formatHour: (hourStartMs: number) => string;
  seriesName: string;
}

export function alertsPerHourOption({ hours, formatHour, seriesName }: AlertsPerHourData, theme: ChartTheme): ChartOption {
  return categoryBarsOption(
    { labels: hours.map((hour) => formatHour(hour.hourStartMs)), values: hours.map((hour) => hour.count), seriesName },
    theme,
  );
}
