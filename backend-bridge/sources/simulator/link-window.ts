/**
 * Per-link sums over the last few sim minutes, for what a signal controller
 * measures at an intersection (arrivals, departures, delay). The metrics keep
 * running totals; this keeps a ring of snapshots of them taken every
 * `sampleS`, so a window's sums are the totals now less the oldest snapshot
 * — nothing is added per step.
 */
import type { LinkSums, TrafficMetrics } from './metrics';

export interface LinkWindowOptions {
  /** Length of the rolling window, sim seconds. @default 300 */
  windowS?: number;
  /** Sim seconds between snapshots; the window's resolution. @default 30 */
  sampleS?: number;
}

const FIELDS = 4; // vehSeconds, vehMetres, exitVeh, entryVeh

/** A link's sums over the window and how long the window actually is. */
export interface WindowSums extends LinkSums {
  /** Sim seconds covered: the full window once the sim has run that long. */
  windowS: number;
}

export class LinkWindow {
  readonly sampleS: number;
  private readonly snapshots: Float64Array[];
  private readonly snapshotTimeS: Float64Array;
  /** Snapshots taken so far; the newest is at (taken − 1) mod ring length. */
  private taken = 0;
  private readonly scratch: LinkSums = { vehSeconds: 0, vehMetres: 0, exitVeh: 0, entryVeh: 0 };

  constructor(
    private readonly metrics: TrafficMetrics,
    private readonly linkCount: number,
    options: LinkWindowOptions = {},
  ) {
    const windowS = options.windowS ?? 300;
    this.sampleS = options.sampleS ?? 30;
    if (!(this.sampleS > 0 && windowS >= this.sampleS)) {
      throw new RangeError(`sampleS must be > 0 and at most windowS, got sampleS ${this.sampleS} and windowS ${windowS}`);
    }
    const ringLength = Math.ceil(windowS / this.sampleS) + 1;
    this.snapshots = Array.from({ length: ringLength }, () => new Float64Array(linkCount * FIELDS));
    this.snapshotTimeS = new Float64Array(ringLength);
  }

  /** Takes a snapshot of every link's totals at `simTimeS`. */
  sample(simTimeS: number): void {
    const slot = this.taken % this.snapshots.length;
    const snapshot = this.snapshots[slot]!;
    for (let l = 0; l < this.linkCount; l++) {
      const sums = this.metrics.runningSums(l, this.scratch);
      const at = l * FIELDS;
      snapshot[at] = sums.vehSeconds;
      snapshot[at + 1] = sums.vehMetres;
      snapshot[at + 2] = sums.exitVeh;
      snapshot[at + 3] = sums.entryVeh;
    }
    this.snapshotTimeS[slot] = simTimeS;
    this.taken++;
  }

  /**
   * Forgets every snapshot. Call it whenever the metrics' running totals
   * lose sums (a reset of the open window's accumulators): a snapshot taken
   * before holds more than the totals now, and a window over it would come
   * out negative.
   */
  clear(): void {
    this.taken = 0;
  }

  /** The link's sums from the oldest snapshot kept to `simTimeS` (now); all zero before the first snapshot. */
  sums(link: number, simTimeS: number, result: WindowSums): WindowSums {
    const now = this.metrics.runningSums(link, this.scratch);
    if (this.taken === 0) return Object.assign(result, { vehSeconds: 0, vehMetres: 0, exitVeh: 0, entryVeh: 0, windowS: 0 });
    const oldest = this.taken < this.snapshots.length ? 0 : this.taken % this.snapshots.length;
    const snapshot = this.snapshots[oldest]!;
    const at = link * FIELDS;
    result.vehSeconds = now.vehSeconds - snapshot[at]!;
    result.vehMetres = now.vehMetres - snapshot[at + 1]!;
    result.exitVeh = now.exitVeh - snapshot[at + 2]!;
    result.entryVeh = now.entryVeh - snapshot[at + 3]!;
    result.windowS = simTimeS - this.snapshotTimeS[oldest]!;
    return result;
  }
}
