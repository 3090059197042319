/**
 * The citywide travel time index and speed over the last hours, one point per
 * sim minute, so a client that connects draws its trend at once.
 */
export interface HistoryPoint {
  simTimeMs: number;
  travelTimeIndex: number;
  avgSpeedKmh: number;
}

/** Spacing of stored points, sim ms. */
export const HISTORY_STEP_MS = 60_000;
/** Points kept: twelve sim hours at one a minute. */
export const HISTORY_POINTS = 12 * 60;

export class TrafficHistory {
  private readonly points: HistoryPoint[] = [];

  /**
   * Adds a sample; only the first sample of each sim minute is kept. A sample
   * earlier than the last one (a replay seeking back) restarts the history.
   */
  add(point: HistoryPoint): void {
    const last = this.points.at(-1);
    const minute = Math.floor(point.simTimeMs / HISTORY_STEP_MS);
    if (last) {
      const lastMinute = Math.floor(last.simTimeMs / HISTORY_STEP_MS);
      if (minute === lastMinute) return;
      if (minute < lastMinute) this.points.length = 0;
    }
    this.points.push(point);
    if (this.points.length > HISTORY_POINTS) this.points.splice(0, this.points.length - HISTORY_POINTS);
  }

  list(): HistoryPoint[] {
    return this.points.slice();
  }
}
