/**
 * Open alerts as the drill panels list them: counted by severity, filtered
 * by membership or by distance, and turned into rows.
 */
import { type Alert, type AlertRow, CAP_SEVERITIES, type CapSeverity, alertAreaCentre } from '../protocol';

/** Alerts this close to an intersection or link are "nearby", metres. */
export const NEARBY_RADIUS_M = 300;
/** Most rows a panel's alert list carries (the protocol's bound). */
export const MAX_ALERT_ROWS = 50;

export function alertRow(alert: Alert, distanceM?: number): AlertRow {
  return {
    id: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    status: alert.status,
    headline: { zh: alert.headline.zh, en: alert.headline.en },
    simTimeMs: alert.simTimeMs,
    ...(distanceM !== undefined && { distanceM }),
  };
}

/** Newest first; alerts raised at the same instant by id, so the order is stable. */
export function byNewest(a: Alert, b: Alert): number {
  return b.simTimeMs - a.simTimeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Rows for the alerts, newest first, at most MAX_ALERT_ROWS. */
export function newestRows(alerts: readonly Alert[]): AlertRow[] {
  return [...alerts].sort(byNewest).slice(0, MAX_ALERT_ROWS).map((alert) => alertRow(alert));
}

/**
 * Rows for the alerts whose area centre lies within `radiusM` of a place,
 * nearest first (equal distances newest first), each with its distance.
 * @param distanceM distance from the place to a point, metres
 */
export function nearbyRows(alerts: readonly Alert[], distanceM: (xM: number, yM: number) => number, radiusM = NEARBY_RADIUS_M): AlertRow[] {
  return alerts
    .map((alert) => ({ alert, distanceM: distanceM(...alertAreaCentre(alert.area)) }))
    .filter((entry) => entry.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM || byNewest(a.alert, b.alert))
    .slice(0, MAX_ALERT_ROWS)
    .map((entry) => alertRow(entry.alert, entry.distanceM));
}

/** How many of the alerts have each CAP severity; every severity present, zero where none. */
export function countBySeverity(alerts: readonly Alert[]): Record<CapSeverity, number> {
  const counts = Object.fromEntries(CAP_SEVERITIES.map((severity) => [severity, 0])) as Record<CapSeverity, number>;
  for (const alert of alerts) counts[alert.severity]++;
  return counts;
}
