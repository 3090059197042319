/**
 * Time to acknowledge: from the bridge raising an alert to an operator
 * acknowledging it, both wall clock, so the figure measures people, not the
 * simulation's speed.
 */
import type { Alert, CapSeverity } from '@protocol';

/** How long the alert waited for its acknowledgement, ms; null while (or if ever) unacknowledged. */
export function timeToAckMs(alert: Pick<Alert, 'sentAtMs' | 'acknowledgedAtMs'>): number | null {
  return alert.acknowledgedAtMs === undefined ? null : Math.max(0, alert.acknowledgedAtMs - alert.sentAtMs);
}

export interface MeanTimeToAck {
  /** Mean over the acknowledgements counted, ms; null when there were none. */
  meanMs: number | null;
  /** Acknowledgements counted. */
  count: number;
}

/** Mean time to acknowledge over alerts acknowledged at or after `sinceMs` (wall clock). */
export function meanTimeToAck(alerts: Iterable<Alert>, sinceMs: number): MeanTimeToAck {
  let totalMs = 0;
  let count = 0;
  for (const alert of alerts) {
    const waitedMs = timeToAckMs(alert);
    if (waitedMs === null || alert.acknowledgedAtMs! < sinceMs) continue;
    totalMs += waitedMs;
    count++;
  }
  return { meanMs: count === 0 ? null : totalMs / count, count };
}

/** `meanTimeToAck` for each severity, every severity present. */
export function meanTimeToAckBySeverity(alerts: readonly Alert[], sinceMs: number): Record<CapSeverity, MeanTimeToAck> {
  const of = (severity: CapSeverity) => meanTimeToAck(alerts.filter((alert) => alert.severity === severity), sinceMs);
  return { Extreme: of('Extreme'), Severe: of('Severe'), Moderate: of('Moderate'), Minor: of('Minor'), Unknown: of('Unknown') };
}
