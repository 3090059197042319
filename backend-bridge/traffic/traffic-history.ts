/**
 * The citywide travel time index and speed over the last hours, one point per
 * history step (TRAFFIC_HISTORY_STEP_MS, a sim minute), so a client that
 * connects draws its trend at once.
 */
import { trafficHistoryStep } from '../protocol';

export interface HistoryPoint {
  simTimeMs: number;
  travelTimeIndex: number;
  avgSpeedKmh: number;
}

/** Points kept: twelve sim hours at one a step. */
export const HISTORY_POINTS = 12 * 60;

export class TrafficHistory {
  private readonly points: HistoryPoint[] = [];

  /**
   * Adds a sample; only the first sample of each step is kept. A sample
   * earlier than the last one (a replay seeking back) restarts the history.
   */
  add(point: HistoryPoint): void {
    const last = this.points.at(-1);
    const step = trafficHistoryStep(point.simTimeMs);
    if (last) {
      const lastStep = trafficHistoryStep(last.simTimeMs);
      if (step === lastStep) return;
      if (step < lastStep) this.points.length = 0;
    }
    this.points.push(point);
    if (this.points.length > HISTORY_POINTS) this.points.splice(0, this.points.length - HISTORY_POINTS);
  }

  list(): HistoryPoint[] {
    return this.points.slice();
  }
}
