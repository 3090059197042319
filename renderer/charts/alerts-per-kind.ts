/** How many alerts of each kind the client holds (open ones and those closed in the last 24 h). */
import { ALERT_KINDS, type AlertKind } from '@protocol';
import { categoryBarsOption } from './category-bars';
import type { ChartTheme } from './chart-theme';
import type { ChartOption } from './echarts';

export interface AlertsPerKindData {
  counts: Readonly<Record<AlertKind, number>>;
  /** Each kind's label, in the UI language. */
  kindLabels: Readonly<Record<AlertKind, string>>;
  seriesName: string;
}

/** Every kind gets its bar, in the catalogue's order, so the chart keeps its shape as counts change. */
export function alertsPerKindOption({ counts, kindLabels, seriesName }: AlertsPerKindData, theme: ChartTheme): ChartOption {
  return categoryBarsOption(
    { labels: ALERT_KINDS.map((kind) => kindLabels[kind]), values: ALERT_KINDS.map((kind) => counts[kind]), seriesName },
    theme,
  );
}
