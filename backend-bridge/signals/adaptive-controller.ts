/**
 * Adaptive mode: every few cycles, each adaptive intersection's greens are
 * re-split from the flows measured over the last minutes (Webster, within
 * the plan's minimum greens and pedestrian clearances) and the new plan goes
 * through the same path as an operator's change — history, audit (actor
 * `system`), broadcast.
 *
 * The cycle is kept: the default plans run one cycle per district with
 * offsets for a green wave, and a node that changed its own cycle would
 * drift out of that wave at every cycle. Re-splitting the same cycle keeps
 * the start of phase 0, and so the coordination, where it was.
 *
 * Measured now (bench/signals.ts, the demo city's morning peak with tidal
 * demand, left-turn bays, and the demand calibrated to a congested peak
 * that is not a gridlock, demand.ts): fixed plans 98.0 s of average delay,
 * re-splitting 91.3 s (−6.8 %), max-pressure 86.2 s (−12.0 %).
 *
 * What bounds both. The crossings where control can gain are few: half of
 * what max-pressure gained while it still cut pedestrian time came from 10
 * of the 420, the two largest the central crossings whose inward left turns
 * fill their bays (n:10-10, n:10-11: 1.3 M vehicle-seconds of delay each
 * under the fixed plans). At n:10-10 the bay's measured y is 0.25, yet re-splitting can give
 * its protected phase only 11 s of the 80 s cycle: the two through phases
 * must hold their pedestrian clearances (24 s and 18 s), and the kept cycle
 * leaves 60 s of green. Max-pressure is held to the same clearances (while
 * it was not, it measured 69.5 s, −29.1 %: most of its lead was pedestrian
 * time it did not give, a safety fault now fixed), so it ends close to
 * re-splitting.
 *
 * Tried at this demand, measured worse, and not kept:
 * - each node on Webster's own cycle (no coordination): 95.5 s (−2.5 %);
 * - re-planning every cycle instead of every 3: 91.3 s (−6.8 %, no change);
 * - the coordinated cycle unless the demand does not fit it, then the node's
 *   own Webster cycle, never shorter, back to the common cycle (and its
 *   offset) once the demand fits: triggered by any phase over capacity at
 *   the re-split, 96.9 s (−1.1 %); by the critical flow ratios over the
 *   cycle's green (Σ y > (C − L)/C), 93.4 s (−4.6 %). A node that leaves
 *   the common cycle loses its green wave and dwells in the transitions
 *   each way, and the 5-minute measurements flip it back and forth.
 *
 * Before the calibration (twice the demand, a gridlock: the vehicles in
 * the system grew from 13,500 to 42,400 over the peak): fixed 361.5 s,
 * re-splitting 318.1 s (−12.0 %), max-pressure 339.3 s (−6.1 %). The bays
 * took away what the old figure gained from (a protected left phase passing
 * only its share of a mixed queue); the gain then was the morning's inward
 * turning, which the plans timed for the average day do not expect. With a
 * stronger morning pull (0.8 instead of 0.5) re-splitting gained only 7.5 %, and
 * every cycle instead of every 3 made no difference (7.6 %): the centre
 * went past capacity, where spillback, not the split, sets the delay.
 *
 * Before tidal demand and bays (every flow scaled by one daily factor, one
 * mixed queue per approach), the fixed plans at 243.7 s: re-splitting alone
 * gave 216.0 s (−11.3 %). Tried then and measured worse or no better:
 * - each node on Webster's own cycle: −9 %;
 * - one common cycle per district from its most saturated member (30–180 s,
 *   green-wave offsets re-derived for the new cycle): 241.8 s; capped at
 *   150 / 110 / 80 s: 235.1 / 226.2 / 226.9 s — and 228.9 / 222.7 s (180 /
 *   110) even with the transition dwell taken out of the simulator, so the
 *   loss is the cycle change itself, not only the move to the new offset;
 * - backlog-aware Webster (arrivals + standing queue cleared over 300 s /
 *   60 s): 216.5 / 233.3 s;
 * - splits weighted towards the faster-discharging approach (y·(s/1800)^α,
 *   a step towards max pressure): α = 0.5 gives 214.0 s, α = 1 226.1 s;
 * - re-planning every cycle instead of every 3: 215.2 s.
 * What bounded it then was the phase structure, which a split cannot change: the
 * simulator discharged an approach as one mixed queue (no turn pockets), so
 * a protected left phase passes only the left-turning share of its
 * approach's capacity; at the over-capacity central crossings the two
 * protected left phases still hold at least 14 s of green and 10 s of
 * clearance in each 150 s cycle while their approaches pass only that share.
 */
import type { SignalPlan } from '../protocol';
import { recommendPlan } from '../protocol/signal-timing';
import type { SignalAccess } from '../sources/signal-access';
import { phaseDemandOf } from './phase-demand';
import type { PlanService } from './plan-service';

export interface AdaptiveOptions {
  /** Cycles a new split runs before the controller looks again. @default 3 */
  everyCycles?: number;
  /** Smallest change of any green worth a new version, seconds; less is measurement noise. @default 2 */
  minChangeS?: number;
  /** Told when a node's new split was refused or failed; the node is looked at again after `everyCycles`. @default ignores it */
  onError?: (nodeId: string, error: unknown) => void;
}

/** What the controller last changed at a node, for the signal panel. */
export interface AdaptiveChange {
  version: number;
  effectiveSimTimeMs: number;
  summary: string;
}

export class AdaptiveController {
  private readonly everyCycles: number;
  private readonly minChangeS: number;
  private readonly onError: (nodeId: string, error: unknown) => void;
  private readonly adaptive = new Set<string>();
  /** Sim time (ms) before which a node is not looked at again. */
  private readonly nextLookMs = new Map<string, number>();
  private readonly lastChanges = new Map<string, AdaptiveChange>();
  private ticking = false;
  /** Changes made since start; health figure. */
  changesMade = 0;

  constructor(
    private readonly signals: SignalAccess,
    private readonly plans: PlanService,
    options: AdaptiveOptions = {},
  ) {
    this.everyCycles = options.everyCycles ?? 3;
    this.minChangeS = options.minChangeS ?? 2;
    this.onError = options.onError ?? (() => {});
    if (!(Number.isInteger(this.everyCycles) && this.everyCycles >= 1)) throw new RangeError(`everyCycles must be a whole number ≥ 1, got ${this.everyCycles}`);
    if (!(this.minChangeS >= 0)) throw new RangeError(`minChangeS must be ≥ 0, got ${this.minChangeS}`);
  }

  isAdaptive(nodeId: string): boolean {
    return this.adaptive.has(nodeId);
  }

  get adaptiveCount(): number {
    return this.adaptive.size;
  }

  setAdaptive(nodeId: string, adaptive: boolean): void {
    if (adaptive) this.adaptive.add(nodeId);
    else this.adaptive.delete(nodeId);
    this.nextLookMs.delete(nodeId);
  }

  lastChange(nodeId: string): AdaptiveChange | undefined {
    return this.lastChanges.get(nodeId);
  }

  /**
   * Looks at every adaptive node that is due, at sim time `simTimeMs`, and
   * applies a new split where the measured flows ask for one. Calls that
   * arrive while one is running return at once.
   */
  async tick(simTimeMs: number): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const nodeId of [...this.adaptive]) {
        if (simTimeMs < (this.nextLookMs.get(nodeId) ?? -Infinity) || this.signals.pending(nodeId)) continue;
        try {
          await this.look(nodeId, simTimeMs);
        } catch (error) {
          this.nextLookMs.set(nodeId, simTimeMs + this.everyCycles * this.signals.runningPlan(nodeId).cycleS * 1000);
          this.onError(nodeId, error);
        }
      }
    } finally {
      this.ticking = false;
    }
  }

  private async look(nodeId: string, simTimeMs: number): Promise<void> {
    const running = this.signals.runningPlan(nodeId);
    const recommended = recommendPlan(running, phaseDemandOf(running, this.signals.measure(nodeId), this.signals.movements(nodeId)), { keepCycle: true });
    const lookAgainMs = (effectiveMs: number) => this.nextLookMs.set(nodeId, effectiveMs + this.everyCycles * running.cycleS * 1000);
    if (!this.worthChanging(running, recommended)) {
      lookAgainMs(simTimeMs);
      return;
    }
    const summary = `greens ${running.phases.map((p) => p.greenS).join('/')} → ${recommended.phases.map((p) => p.greenS).join('/')} s`;
    const reason = `adaptive: measured flows, ${summary}`;
    const version = await this.plans.change({
      plan: { ...recommended, version: this.plans.newest(nodeId).version + 1 },
      origin: 'adaptive',
      actor: { role: 'system', label: 'adaptive' },
      reason,
      audit: { atMs: Date.now(), actorRole: 'system', actorLabel: 'adaptive', command: 'adaptive-signal-plan', payload: { nodeId, reason }, outcome: 'ok' },
    });
    this.changesMade++;
    this.lastChanges.set(nodeId, { version: version.version, effectiveSimTimeMs: version.effectiveSimTimeMs, summary });
    lookAgainMs(version.effectiveSimTimeMs);
  }

  private worthChanging(running: SignalPlan, recommended: SignalPlan): boolean {
    return running.phases.some((phase, i) => Math.abs(phase.greenS - recommended.phases[i]!.greenS) >= this.minChangeS);
  }
}
