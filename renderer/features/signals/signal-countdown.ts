/**
 * The signal's countdown between two `signal-status` pushes. The bridge
 * sends the phase, interval and seconds remaining about once a second; in
 * between, the panel walks the plan forward by the sim time that has passed
 * at the sim clock's pace, so the figure counts down smoothly instead of
 * jumping once a second. Each push re-anchors it, so any drift lasts at most
 * one push.
 */
import type { SignalInterval, SignalPlan, SignalState } from '@protocol';

/** A status push, as the countdown starts from it. */
export interface CountdownAnchor {
  /** The plan running when the push was sent. */
  plan: SignalPlan;
  /** A newer plan that takes over at the running plan's cycle boundary. */
  pending?: { plan: SignalPlan; effectiveSimTimeMs: number };
  /** Sim time of the push, ms since the epoch. */
  simTimeMs: number;
  /** Phase, interval and seconds remaining at `simTimeMs`. */
  state: SignalState;
  /** When the push arrived, client clock, ms (any monotonic origin, as long as `nowMs` uses the same). */
  receivedAtMs: number;
}

/** Where the signal stands now, by the countdown. */
export interface CountdownState extends SignalState {
  /** The plan whose phase this is: the anchor's, or its pending plan once the boundary has passed. */
  plan: SignalPlan;
  /** Sim time the countdown has reached, ms since the epoch. */
  simTimeMs: number;
}

export interface CountdownOptions {
  /** Sim seconds per wall second; 0 while the sim is paused. */
  simSpeed: number;
  /**
   * Longest wall time the countdown runs past its anchor, ms. When pushes stop
   * (a stalled link) it halts there rather than invent a signal state.
   * @default 2500, two and a half push intervals
   */
  maxExtrapolationMs?: number;
}

export const DEFAULT_MAX_EXTRAPOLATION_MS = 2500;

/**
 * A pending plan counts as due at a boundary this close before its effective
 * time, sim ms: the bridge rounds the boundary it announces, the walk here sums floats.
 */
const BOUNDARY_TOLERANCE_MS = 500;

const INTERVAL_ORDER: readonly SignalInterval[] = ['green', 'yellow', 'all-red'];

/** The countdown at `nowMs` (same clock as `anchor.receivedAtMs`). Pure. */
export function countdownAt(anchor: CountdownAnchor, nowMs: number, options: CountdownOptions): CountdownState {
  const maxAheadMs = options.maxExtrapolationMs ?? DEFAULT_MAX_EXTRAPOLATION_MS;
  const elapsedWallMs = Math.min(Math.max(0, nowMs - anchor.receivedAtMs), maxAheadMs);
  const elapsedSimS = (elapsedWallMs / 1000) * Math.max(0, options.simSpeed);

  let plan = anchor.plan;
  let { phaseIndex, interval } = anchor.state;
  // Never trust an index past the plan's end (a push racing a plan change).
  if (phaseIndex >= plan.phases.length) phaseIndex = plan.phases.length - 1;
  let remainingS = anchor.state.remainingS;
  let leftS = elapsedSimS;
  let atSimMs = anchor.simTimeMs;

  // One step per interval crossed; bounded so a long jump cannot spin.
  for (let steps = 0; leftS > remainingS && steps < 64; steps++) {
    leftS -= remainingS;
    atSimMs += remainingS * 1000;
    const next = nextInterval(plan, phaseIndex, interval);
    if (next.phaseIndex === 0 && next.interval === 'green' && isDue(anchor.pending, atSimMs)) {
      plan = anchor.pending!.plan;
    }
    phaseIndex = next.phaseIndex;
    interval = next.interval;
    remainingS = intervalLengthS(plan, phaseIndex, interval);
  }
  return {
    plan,
    phaseIndex,
    interval,
    remainingS: Math.max(0, remainingS - leftS),
    simTimeMs: anchor.simTimeMs + elapsedSimS * 1000,
  };
}

function isDue(pending: CountdownAnchor['pending'], boundarySimMs: number): boolean {
  return pending !== undefined && boundarySimMs >= pending.effectiveSimTimeMs - BOUNDARY_TOLERANCE_MS;
}

/** Length of one interval of one phase, seconds. */
export function intervalLengthS(plan: SignalPlan, phaseIndex: number, interval: SignalInterval): number {
  const phase = plan.phases[phaseIndex]!;
  return interval === 'green' ? phase.greenS : interval === 'yellow' ? phase.yellowS : phase.allRedS;
}

/** The interval after this one, skipping zero-length yellows and all-reds. */
function nextInterval(plan: SignalPlan, phaseIndex: number, interval: SignalInterval): { phaseIndex: number; interval: SignalInterval } {
  for (let k = INTERVAL_ORDER.indexOf(interval) + 1; k < INTERVAL_ORDER.length; k++) {
    const candidate = INTERVAL_ORDER[k]!;
    if (intervalLengthS(plan, phaseIndex, candidate) > 0) return { phaseIndex, interval: candidate };
  }
  return { phaseIndex: (phaseIndex + 1) % plan.phases.length, interval: 'green' };
}

/** The sim clock's pace for the countdown, sim s per wall s: 0 while paused, else the pace achieved lately. */
export function simSpeedOf(clock: { paused: boolean; speedFactor: number; achievedSpeedFactor: number } | null): number {
  if (!clock) return 1;
  if (clock.paused) return 0;
  // Right after a resume the achieved pace still reads 0; the asked one is the better guess then.
  return clock.achievedSpeedFactor > 0 ? clock.achievedSpeedFactor : clock.speedFactor;
}
