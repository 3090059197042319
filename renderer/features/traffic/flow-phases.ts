/**
 * Where each link's flow pulses are: a phase in cycles (0–1) that advances
 * at a rate set by the link's speed. Each frame first carries every phase
 * forward at the rate of the frame before, then takes the new rates, so a
 * change of speed changes how fast pulses move without making them jump.
 *
 * Pure and DOM-free: runs in the traffic worker and in unit tests.
 */

/** Traffic speed at which the pulses move on by one spacing per second, km/h. */
export const FLOW_KMH_PER_HZ = 40;

export class FlowPhases {
  /** Phase of each link's pulses at `atMs`, cycles in [0, 1). */
  readonly phase: Float32Array;
  /** Pulses per second passing a point of each link. */
  readonly rateHz: Float32Array;
  private atMs: number | null = null;

  constructor(linkCount: number) {
    this.phase = new Float32Array(linkCount);
    this.rateHz = new Float32Array(linkCount);
  }

  /** When `phase` holds, ms on the caller's clock; null before the first frame. */
  get phaseAtMs(): number | null {
    return this.atMs;
  }

  /**
   * Moves every phase on to `nowMs` (ms, the caller's monotonic clock), then
   * sets the rates from `speedKmh`; `moving` false (the sim is paused) stops them.
   */
  advance(speedKmh: ArrayLike<number>, nowMs: number, moving: boolean): void {
    if (speedKmh.length !== this.phase.length) {
      throw new Error(`flow phases: ${speedKmh.length} speeds for ${this.phase.length} links`);
    }
    const elapsedS = this.atMs === null ? 0 : Math.max(0, (nowMs - this.atMs) / 1000);
    for (let link = 0; link < this.phase.length; link++) {
      const advanced = this.phase[link]! + this.rateHz[link]! * elapsedS;
      this.phase[link] = advanced - Math.floor(advanced);
      this.rateHz[link] = moving ? speedKmh[link]! / FLOW_KMH_PER_HZ : 0;
    }
    this.atMs = nowMs;
  }
}
