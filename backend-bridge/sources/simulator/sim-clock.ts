/**
 * Maps wall time to sim time: sim time runs at a speed factor (1× to 60×
 * real time) and stands still while paused. Pure bookkeeping — every
 * method takes the wall instant, so it tests without timers.
 */

export const MIN_SPEED_FACTOR = 1;
export const MAX_SPEED_FACTOR = 60;

/** Returns the factor if it is a number from 1 to 60; throws a RangeError naming it otherwise. */
export function checkSpeedFactor(value: unknown): number {
  if (typeof value !== 'number' || !(value >= MIN_SPEED_FACTOR && value <= MAX_SPEED_FACTOR)) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new RangeError(`sim speed factor must be a number from ${MIN_SPEED_FACTOR} to ${MAX_SPEED_FACTOR}, got ${shown}`);
  }
  return value;
}

export class SimClock {
  private anchorSimMs: number;
  private anchorWallMs: number;
  private factor: number;
  private isPaused = false;

  /**
   * @param simTimeMs sim time at `wallTimeMs`, ms since the epoch
   * @param wallTimeMs any monotonic wall clock, ms
   * @param speedFactor 1–60; @default 1
   */
  constructor(simTimeMs: number, wallTimeMs: number, speedFactor = 1) {
    this.anchorSimMs = simTimeMs;
    this.anchorWallMs = wallTimeMs;
    this.factor = checkSpeedFactor(speedFactor);
  }

  get speedFactor(): number {
    return this.factor;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** Sim time at a wall instant, ms. */
  simTimeAt(wallTimeMs: number): number {
    return this.isPaused ? this.anchorSimMs : this.anchorSimMs + (wallTimeMs - this.anchorWallMs) * this.factor;
  }

  /** Changes speed from `wallTimeMs` on; sim time so far is kept. */
  setSpeedFactor(speedFactor: unknown, wallTimeMs: number): void {
    const factor = checkSpeedFactor(speedFactor);
    this.rebase(this.simTimeAt(wallTimeMs), wallTimeMs);
    this.factor = factor;
  }

  pause(wallTimeMs: number): void {
    this.rebase(this.simTimeAt(wallTimeMs), wallTimeMs);
    this.isPaused = true;
  }

  resume(wallTimeMs: number): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    this.anchorWallMs = wallTimeMs;
  }

  /** Makes the clock show `simTimeMs` at `wallTimeMs`, e.g. to drop a backlog the sim cannot catch up. */
  rebase(simTimeMs: number, wallTimeMs: number): void {
    this.anchorSimMs = simTimeMs;
    this.anchorWallMs = wallTimeMs;
  }
}
