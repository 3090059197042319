/**
 * A short history of each signalized node's measured delay and queue, one
 * sample per sim minute, so the panel can show what a plan change did:
 * the mean over a window before the change against the same window after.
 *
 * Each sample is the source's rolling measurement (a few minutes wide), so
 * the first minutes after a change still carry some of the old plan; over
 * windows of 5 minutes and more that blurs the edge, not the comparison.
 */

/** Sim time between samples, ms. */
export const SAMPLE_INTERVAL_MS = 60_000;
/** Samples kept per node: 5 sim hours, enough for a 2-hour window before and after a change. */
const CAPACITY = 300;

export interface NodeSample {
  delayPerVehS: number;
  queueVeh: number;
}

export interface EffectWindow {
  /** Mean control delay per vehicle, seconds. */
  delayPerVehS: number;
  /** Mean vehicles queued on the approaches. */
  queueVeh: number;
  /** Sim seconds of the window that have samples. */
  coveredS: number;
}

class Ring {
  readonly timeMs = new Float64Array(CAPACITY);
  readonly delayS = new Float64Array(CAPACITY);
  readonly queueVeh = new Float64Array(CAPACITY);
  count = 0;
}

export class SignalSeries {
  private readonly rings = new Map<string, Ring>();
  private lastSampleMinute = -Infinity;

  /**
   * Samples every node once per sim minute: call as often as you like with
   * the sim time; `measure` is only called when a new minute has begun.
   */
  sampleIfDue(simTimeMs: number, nodeIds: readonly string[], measure: (nodeId: string) => NodeSample): boolean {
    const minute = Math.floor(simTimeMs / SAMPLE_INTERVAL_MS);
    if (minute <= this.lastSampleMinute) return false;
    this.lastSampleMinute = minute;
    for (const nodeId of nodeIds) this.add(nodeId, simTimeMs, measure(nodeId));
    return true;
  }

  add(nodeId: string, simTimeMs: number, sample: NodeSample): void {
    let ring = this.rings.get(nodeId);
    if (!ring) this.rings.set(nodeId, (ring = new Ring()));
    const slot = ring.count++ % CAPACITY;
    ring.timeMs[slot] = simTimeMs;
    ring.delayS[slot] = sample.delayPerVehS;
    ring.queueVeh[slot] = sample.queueVeh;
  }

  /** Means over [fromMs, toMs) of the samples kept; zeros with coveredS 0 when none falls in it. */
  window(nodeId: string, fromMs: number, toMs: number): EffectWindow {
    const ring = this.rings.get(nodeId);
    let n = 0;
    let delayS = 0;
    let queueVeh = 0;
    if (ring) {
      for (let k = Math.max(0, ring.count - CAPACITY); k < ring.count; k++) {
        const slot = k % CAPACITY;
        const t = ring.timeMs[slot]!;
        if (t < fromMs || t >= toMs) continue;
        n++;
        delayS += ring.delayS[slot]!;
        queueVeh += ring.queueVeh[slot]!;
      }
    }
    if (n === 0) return { delayPerVehS: 0, queueVeh: 0, coveredS: 0 };
    return { delayPerVehS: delayS / n, queueVeh: queueVeh / n, coveredS: (n * SAMPLE_INTERVAL_MS) / 1000 };
  }

  /** The window before a change that took over at `atMs` and the window after it, each `windowS` long. */
  effect(nodeId: string, atMs: number, windowS: number): { before: EffectWindow; after: EffectWindow } {
    const windowMs = windowS * 1000;
    return { before: this.window(nodeId, atMs - windowMs, atMs), after: this.window(nodeId, atMs, atMs + windowMs) };
  }
}
