/**
 * Alerts resolved on the city's today and how long they took, from the
 * alerts the client holds. Which day a resolution falls on is the city's
 * (city-today.ts); how long it took is wall time, because it measures
 * people's work.
 */
import type { Alert } from '@protocol';
import { type CityDay, isOnCityDay, resolvedAtCityMs } from './city-today';

export interface ResolvedToday {
  count: number;
  /** Mean time from raising to resolving, wall ms; null when none was resolved today. */
  meanTimeToResolveMs: number | null;
}

/** Alerts resolved (not false alarms) on `day`, the city's today; `speedFactor` is the city clock's speed (1 for a live city). */
export function resolvedOnCityDay(alerts: Iterable<Alert>, day: CityDay, speedFactor: number, cityNowMs: number): ResolvedToday {
  let count = 0;
  let totalMs = 0;
  for (const alert of alerts) {
    if (alert.status !== 'resolved' || alert.resolvedAtMs === undefined) continue;
    const cityMs = resolvedAtCityMs(alert, speedFactor, cityNowMs);
    if (cityMs === null || !isOnCityDay(cityMs, day)) continue;
    count++;
    totalMs += alert.resolvedAtMs - alert.sentAtMs;
  }
  return { count, meanTimeToResolveMs: count === 0 ? null : totalMs / count };
}
