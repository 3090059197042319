/**
 * The citywide travel time index and average speed over the last hours of
 * sim time, as the TTI chart draws it: seeded by `traffic-history` on
 * connect, then extended by each `traffic-summary`. Pure functions over
 * immutable arrays, so a store can hold the result in a shallow ref.
 */
import { TRAFFIC_HISTORY_STEP_MS, type TrafficHistoryMessage, type TrafficSummaryMessage, trafficHistoryStep } from '@protocol';

export interface TrafficHistoryPoint {
  /** Sim time, ms since the epoch. */
  simTimeMs: number;
  /** Actual / free-flow travel time, citywide (1 = free flow). */
  travelTimeIndex: number;
  /** Distance-weighted mean speed, citywide, km/h. */
  avgSpeedKmh: number;
}

/** How much sim time the history covers, ms. */
export const HISTORY_WINDOW_MS = 6 * 3600_000;

/** The history the bridge sent, oldest first, cut to the window before its newest point. */
export function historyFromMessage(message: TrafficHistoryMessage): readonly TrafficHistoryPoint[] {
  const points = [...message.points].sort((a, b) => a.simTimeMs - b.simTimeMs);
  return withinWindow(points.map(({ simTimeMs, travelTimeIndex, avgSpeedKmh }) => ({ simTimeMs, travelTimeIndex, avgSpeedKmh })));
}

/**
 * Adds one summary's citywide figures, one point per history step
 * (TRAFFIC_HISTORY_STEP_MS): a summary in the same step as the last point
 * replaces it, so the newest point is always the latest summary. A summary no newer than the last
 * point (a repeated one, e.g. the snapshot after a reconnect) leaves the
 * history as it is; one more than a step older means the source's clock went
 * back (a replay was sought backwards), and the history starts again from it.
 */
export function appendSummary(history: readonly TrafficHistoryPoint[], summary: TrafficSummaryMessage): readonly TrafficHistoryPoint[] {
  const point: TrafficHistoryPoint = {
    simTimeMs: summary.simTimeMs,
    travelTimeIndex: summary.city.travelTimeIndex,
    avgSpeedKmh: summary.city.avgSpeedKmh,
  };
  const last = history.at(-1);
  if (last && point.simTimeMs < last.simTimeMs - TRAFFIC_HISTORY_STEP_MS) return [point];
  if (last && point.simTimeMs <= last.simTimeMs) return history;
  const replacesLast = last !== undefined && trafficHistoryStep(point.simTimeMs) === trafficHistoryStep(last.simTimeMs);
  return withinWindow([...(replacesLast ? history.slice(0, -1) : history), point]);
}

function withinWindow(points: TrafficHistoryPoint[]): TrafficHistoryPoint[] {
  const newest = points.at(-1);
  if (!newest) return points;
  const first = points.findIndex((point) => point.simTimeMs >= newest.simTimeMs - HISTORY_WINDOW_MS);
  return first > 0 ? points.slice(first) : points;
}
