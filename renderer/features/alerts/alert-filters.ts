/**
 * What the alert queue shows: filters by severity, kind, district and
 * status, and the counts its header reads. Pure functions over alerts, so
 * the queue's behaviour is tested without a component.
 */
import { ALERT_STATUSES, type Alert, type AlertKind, type AlertStatus, type CapSeverity, isOpenAlertStatus } from '@protocol';

/** `open` stands for every status an alert can still leave (new, acknowledged, dispatched). */
export const STATUS_FILTERS = ['open', ...ALERT_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** One value per field, or null for "any". Plain data, so the store can keep and compare it. */
export interface AlertFilter {
  severity: CapSeverity | null;
  kind: AlertKind | null;
  districtId: string | null;
  status: StatusFilter | null;
}

/** The queue's starting point: open alerts of every kind, anywhere. */
export const DEFAULT_ALERT_FILTER: Readonly<AlertFilter> = { severity: null, kind: null, districtId: null, status: 'open' };

export function matchesStatus(status: AlertStatus, filter: StatusFilter | null): boolean {
  if (filter === null) return true;
  return filter === 'open' ? isOpenAlertStatus(status) : status === filter;
}

export function matchesFilter(alert: Alert, filter: AlertFilter): boolean {
  return (
    (filter.severity === null || alert.severity === filter.severity) &&
    (filter.kind === null || alert.kind === filter.kind) &&
    (filter.districtId === null || alert.districtId === filter.districtId) &&
    matchesStatus(alert.status, filter.status)
  );
}

export function filterAlerts(alerts: readonly Alert[], filter: AlertFilter): Alert[] {
  return alerts.filter((alert) => matchesFilter(alert, filter));
}

/**
 * The escalation tag an alert carries now. The bridge escalates a severe
 * alert nobody acknowledged in time, so the escalation stands while the alert
 * is still `new` (`escalated`: red, on top, loud); once someone acknowledged
 * or dispatched it the escalation has been answered (`answered`: a quiet
 * note); a closed alert carries none (its history still says so).
 */
export type EscalationTag = 'escalated' | 'answered' | null;

export function escalationTag(alert: Pick<Alert, 'escalatedAtMs' | 'status'>): EscalationTag {
  if (alert.escalatedAtMs === undefined || !isOpenAlertStatus(alert.status)) return null;
  return alert.status === 'new' ? 'escalated' : 'answered';
}

/** An escalation nobody has answered yet: the alert goes on top and is drawn louder until someone acknowledges it. */
export const isEscalatedOpen = (alert: Alert): boolean => escalationTag(alert) === 'escalated';

export interface AlertCounts {
  /** Alerts known to the client: open ones and those closed in the last 24 h. */
  total: number;
  open: number;
  /** Escalations nobody has answered yet (see `escalationTag`). */
  escalated: number;
  /** Open alerts nobody has acknowledged yet. */
  unacknowledged: number;
}

export function countAlerts(alerts: Iterable<Alert>): AlertCounts {
  const counts: AlertCounts = { total: 0, open: 0, escalated: 0, unacknowledged: 0 };
  for (const alert of alerts) {
    counts.total++;
    if (!isOpenAlertStatus(alert.status)) continue;
    counts.open++;
    if (isEscalatedOpen(alert)) counts.escalated++;
    if (alert.status === 'new') counts.unacknowledged++;
  }
  return counts;
}

/** Open alerts per severity, every severity present (zero when none): the cockpit's KPI. */
export function openBySeverity(alerts: Iterable<Alert>): Record<CapSeverity, number> {
  const counts: Record<CapSeverity, number> = { Extreme: 0, Severe: 0, Moderate: 0, Minor: 0, Unknown: 0 };
  for (const alert of alerts) if (isOpenAlertStatus(alert.status)) counts[alert.severity]++;
  return counts;
}
