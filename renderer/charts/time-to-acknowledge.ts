/**
 * Mean time to acknowledge today, per severity, in minutes: whether the
 * alerts that matter most are answered first. A severity nobody
 * acknowledged today has no bar rather than a misleading zero.
 */
import { CAP_SEVERITIES, type CapSeverity } from '@protocol';
import type { MeanTimeToAck } from '../features/alerts/time-to-ack';
import { categoryBarsOption } from './category-bars';
import type { ChartTheme } from './chart-theme';
import type { ChartOption } from './echarts';

export interface TimeToAcknowledgeData {
  bySeverity: Readonly<Record<CapSeverity, MeanTimeToAck>>;
  severityLabels: Readonly<Record<CapSeverity, string>>;
  severityColors: Readonly<Record<CapSeverity, string>>;
  /** Minutes as the axis and tooltip show them, with the unit, e.g. "3.5 min". */
  formatMinutes: (minutes: number) => string;
  seriesName: string;
}

const MS_PER_MINUTE = 60_000;

export function timeToAcknowledgeOption(data: TimeToAcknowledgeData, theme: ChartTheme): ChartOption {
  return categoryBarsOption(
    {
      labels: CAP_SEVERITIES.map((severity) => data.severityLabels[severity]),
      values: CAP_SEVERITIES.map((severity) => {
        const { meanMs } = data.bySeverity[severity];
        return meanMs === null ? null : meanMs / MS_PER_MINUTE;
      }),
      colors: CAP_SEVERITIES.map((severity) => data.severityColors[severity]),
      seriesName: data.seriesName,
      formatValue: data.formatMinutes,
      integerAxis: false,
    },
    theme,
  );
}
