/**
 * What the wall's panels list and count, as pure functions, so that the
 * figures on one panel add up and are tested without a page: the capped
 * alert list, the open alerts by severity, and the signals by mode.
 */
import { type Alert, CAP_SEVERITIES, type CapSeverity, type SignalActivityMessage, type SignalMode, isOpenAlertStatus } from '@protocol';
import { isEscalatedOpen } from '../alerts/alert-filters';

/** The alerts a wall panel lists and how many it leaves out. */
export interface WallAlertList {
  /** Listed, in order: escalated first, then newest first. */
  shown: Alert[];
  /** Open alerts not listed ("and M more"); `shown.length + more` is every open alert. */
  more: number;
  /** Every open alert. */
  open: number;
}

/**
 * The newest `maxRows` open alerts, escalated ones first (they are the ones
 * the room must see), and the count of the rest. The wall lists no closed
 * alerts: it shows what is still going on.
 */
export function wallAlertList(alerts: Iterable<Alert>, maxRows: number): WallAlertList {
  const open: Alert[] = [];
  for (const alert of alerts) if (isOpenAlertStatus(alert.status)) open.push(alert);
  open.sort((a, b) => Number(isEscalatedOpen(b)) - Number(isEscalatedOpen(a)) || b.sentAtMs - a.sentAtMs || (a.id < b.id ? -1 : 1));
  const rows = Math.max(0, Math.floor(maxRows));
  return { shown: open.slice(0, rows), more: Math.max(0, open.length - rows), open: open.length };
}

/** The first `rows` of a list, the rest counted: what the panel shows once it knows how many rows fit. */
export function fitAlertList(list: WallAlertList, rows: number): WallAlertList {
  const shown = list.shown.slice(0, Math.max(0, rows));
  return { shown, more: list.open - shown.length, open: list.open };
}

/** One severity's share of the open alerts. */
export interface SeverityCount {
  severity: CapSeverity;
  count: number;
}

/**
 * Every severity with open alerts, most severe first: the parts add up to
 * the tile's total (a severity with none is left out, so the line stays short).
 */
export function severityBreakdown(bySeverity: Readonly<Record<CapSeverity, number>>): SeverityCount[] {
  return CAP_SEVERITIES.map((severity) => ({ severity, count: bySeverity[severity] })).filter((part) => part.count > 0);
}

/** Signalized intersections by the controller running them; the three add up to every signalized intersection. */
export type SignalModeCounts = Record<SignalMode, number>;

/**
 * Splits the bridge's report by mode. `adaptiveIntersections` counts every
 * intersection following measured traffic, max-pressure included;
 * `maxPressureIntersections` says how many of those run max-pressure (a
 * bridge that does not send it runs none).
 */
export function signalModeCounts(activity: SignalActivityMessage): SignalModeCounts {
  const maxpressure = Math.min(activity.maxPressureIntersections ?? 0, activity.adaptiveIntersections);
  return { fixed: activity.fixedIntersections, adaptive: activity.adaptiveIntersections - maxpressure, maxpressure };
}
