/** Counts behind the alert charts: per kind, and per hour of the city clock. */
import { ALERT_KINDS, type Alert, type AlertKind } from '@protocol';

const HOUR_MS = 3_600_000;

export function countByKind(alerts: Iterable<Alert>): Record<AlertKind, number> {
  const counts = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, 0])) as Record<AlertKind, number>;
  for (const alert of alerts) counts[alert.kind]++;
  return counts;
}

export interface HourCount {
  /** Start of the hour, city clock, epoch ms. */
  hourStartMs: number;
  count: number;
}

/**
 * Alerts raised in each of the `hours` whole hours up to and including the
 * one holding `nowSimMs`, oldest first, by the city clock (`simTimeMs`):
 * at 60× sim an hour of alerts arrives in a minute, and that is the rhythm
 * the chart must show. Hours are whole UTC hours, which are whole local
 * hours in every zone with a whole-hour offset.
 */
export function countPerHour(alerts: Iterable<Alert>, nowSimMs: number, hours = 24): HourCount[] {
  const lastHourStartMs = Math.floor(nowSimMs / HOUR_MS) * HOUR_MS;
  const firstHourStartMs = lastHourStartMs - (hours - 1) * HOUR_MS;
  const counts = Array.from({ length: hours }, (_, i) => ({ hourStartMs: firstHourStartMs + i * HOUR_MS, count: 0 }));
  for (const alert of alerts) {
    const index = Math.floor((alert.simTimeMs - firstHourStartMs) / HOUR_MS);
    if (index >= 0 && index < hours) counts[index]!.count++;
  }
  return counts;
}
