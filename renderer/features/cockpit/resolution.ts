/**
 * Alerts resolved today and how long they took, from the alerts the client
 * holds. Both are wall-clock figures: they measure people's work.
 */
import type { Alert } from '@protocol';

export interface ResolvedToday {
  count: number;
  /** Mean time from raising to resolving, ms; null when none was resolved today. */
  meanTimeToResolveMs: number | null;
}

/** Alerts resolved (not false alarms) at or after `dayStartMs`, wall ms. */
export function resolvedSince(alerts: Iterable<Alert>, dayStartMs: number): ResolvedToday {
  let count = 0;
  let totalMs = 0;
  for (const alert of alerts) {
    if (alert.status !== 'resolved' || alert.resolvedAtMs === undefined || alert.resolvedAtMs < dayStartMs) continue;
    count++;
    totalMs += alert.resolvedAtMs - alert.sentAtMs;
  }
  return { count, meanTimeToResolveMs: count === 0 ? null : totalMs / count };
}
