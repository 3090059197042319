/**
 * Open alerts of a drill-down level by CAP severity: one bar per severity,
 * most severe on the left, each in its severity's colour.
 */
import { CAP_SEVERITIES, type CapSeverity } from '@protocol';
import type { CategoryBars } from './category-bars';

export interface SeverityBarsData {
  /** Open alerts per severity, as the bridge counted them. */
  counts: Readonly<Record<CapSeverity, number>>;
  /** Each severity's name in the UI language. */
  severityLabels: Readonly<Record<CapSeverity, string>>;
  /** Each severity's colour, `#rrggbb`. */
  colors: Readonly<Record<CapSeverity, string>>;
  /** Name of the series for the tooltip, in the UI language. */
  seriesName: string;
}

export function severityBars({ counts, severityLabels, colors, seriesName }: SeverityBarsData): CategoryBars {
  return {
    labels: CAP_SEVERITIES.map((severity) => severityLabels[severity]),
    values: CAP_SEVERITIES.map((severity) => counts[severity]),
    colors: CAP_SEVERITIES.map((severity) => colors[severity]),
    seriesName,
  };
}
