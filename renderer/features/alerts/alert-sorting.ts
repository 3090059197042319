/**
 * The queue's order: open escalated alerts always first (an operator must
 * never have to scroll to find one), then the chosen key, then the newest
 * first as the tiebreak, so the order is stable between redraws.
 */
import { ALERT_KINDS, ALERT_STATUSES, type Alert, CAP_SEVERITIES } from '@protocol';
import { isEscalatedOpen } from './alert-filters';

export const ALERT_SORT_KEYS = ['time', 'severity', 'status', 'kind', 'district'] as const;
export type AlertSortKey = (typeof ALERT_SORT_KEYS)[number];

export interface AlertSort {
  key: AlertSortKey;
  /**
   * Reverses the key's natural order. Natural: newest first for time, most
   * severe first for severity, lifecycle order for status, catalogue order
   * for kind, alphabetical ids for district.
   */
  reversed: boolean;
}

export const DEFAULT_ALERT_SORT: Readonly<AlertSort> = { key: 'time', reversed: false };

const rank = <T>(order: readonly T[]) => (value: T) => order.indexOf(value);
const severityRank = rank(CAP_SEVERITIES);
const statusRank = rank(ALERT_STATUSES);
const kindRank = rank(ALERT_KINDS);

const byKey: Record<AlertSortKey, (a: Alert, b: Alert) => number> = {
  time: (a, b) => b.sentAtMs - a.sentAtMs,
  severity: (a, b) => severityRank(a.severity) - severityRank(b.severity),
  status: (a, b) => statusRank(a.status) - statusRank(b.status),
  kind: (a, b) => kindRank(a.kind) - kindRank(b.kind),
  district: (a, b) => a.districtId.localeCompare(b.districtId),
};

export function compareAlerts(a: Alert, b: Alert, sort: AlertSort): number {
  const escalation = Number(isEscalatedOpen(b)) - Number(isEscalatedOpen(a));
  if (escalation !== 0) return escalation;
  const byChosen = byKey[sort.key](a, b) * (sort.reversed ? -1 : 1);
  if (byChosen !== 0) return byChosen;
  return b.sentAtMs - a.sentAtMs || a.id.localeCompare(b.id);
}

/** A sorted copy; the input is left alone. */
export function sortAlerts(alerts: readonly Alert[], sort: AlertSort): Alert[] {
  return [...alerts].sort((a, b) => compareAlerts(a, b, sort));
}
