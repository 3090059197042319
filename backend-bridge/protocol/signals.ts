/**
 * Traffic signal plans: what the bridge runs at each signalized intersection
 * and what the renderer's signal panel shows and edits.
 *
 * A plan is a fixed cycle of ordered phases. Each phase gives right of way to
 * a set of movements (in-link → out-link pairs) for `greenS`, then shows
 * yellow for `yellowS`, then all-red for `allRedS` before the next phase.
 *
 * Time reference: sim time in seconds since the Unix epoch. Phase 0 starts
 * whenever (simTimeS − offsetS) is a whole number of cycles, so two plans with
 * the same cycle keep a fixed relation (their offsets) — what coordination of
 * neighbouring signals relies on.
 */
import * as v from 'valibot';
import { entityId, localized } from './fields';
import { type Finding, parseAt, rule } from './validation';

export const TURNS = ['left', 'through', 'right', 'uturn'] as const;
/** Turn of a movement for right-hand traffic, seen from the driver. */
export type Turn = (typeof TURNS)[number];

/** One way through an intersection: from an incoming link to an outgoing link. */
export interface Movement {
  /** `${inLinkId}>${outLinkId}`; see `movementId`. */
  id: string;
  inLinkId: string;
  outLinkId: string;
  turn: Turn;
}

/** The id of the movement from `inLinkId` to `outLinkId`. */
export const movementId = (inLinkId: string, outLinkId: string): string => `${inLinkId}>${outLinkId}`;

const linkIdPattern = '[A-Za-z0-9_.:-]+';
const movementIdSchema = v.pipe(
  v.string(),
  v.minLength(3),
  v.maxLength(129),
  v.regex(new RegExp(`^${linkIdPattern}>${linkIdPattern}$`)),
);
const seconds = (max: number) => v.pipe(v.number(), v.minValue(0), v.maxValue(max));

const phaseSchema = v.strictObject({
  id: entityId,
  name: localized(64, { required: true }),
  /**
   * Movements with right of way in this phase. Empty for an exclusive
   * pedestrian phase (every vehicle movement held on red).
   */
  movementIds: v.pipe(v.array(movementIdSchema), v.maxLength(64)),
  /** Green time, seconds (> 0). */
  greenS: v.pipe(v.number(), v.minValue(0.001), v.maxValue(300)),
  /** Yellow (amber) after the green, seconds; vehicles may still proceed. */
  yellowS: seconds(10),
  /** All-red clearance after the yellow, seconds; no movement proceeds. */
  allRedS: seconds(30),
  /** Shortest green a controller may give this phase, seconds. */
  minGreenS: seconds(120),
  /** Time pedestrians need to clear the crossing this phase serves, seconds. */
  pedClearanceS: seconds(120),
});
export type SignalPhase = v.InferOutput<typeof phaseSchema>;

const planFieldsSchema = v.strictObject({
  nodeId: entityId,
  /** Revision of the node's plan: 1 for the first, +1 for each replacement. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Cycle length, seconds: the sum of every phase's green, yellow and all-red. */
  cycleS: v.pipe(v.number(), v.minValue(1), v.maxValue(600)),
  /** Start of phase 0 relative to the epoch-aligned cycle, seconds in [0, cycleS). */
  offsetS: v.pipe(v.number(), v.minValue(0), v.maxValue(600)),
  phases: v.pipe(v.array(phaseSchema), v.maxLength(16)),
});
export type SignalPlan = v.InferOutput<typeof planFieldsSchema>;

/** Relative tolerance when the phase times are summed up to the cycle. */
const CYCLE_SUM_TOLERANCE = 1e-9;

/**
 * A plan's structure: field types and ranges, at least one phase, unique
 * phase ids, no movement twice in a phase, phase times that add up to the
 * cycle and an offset within it. Whether the movements exist at the node and
 * the plan is safe (conflicts, minimum greens) is checked elsewhere.
 */
export const signalPlanSchema = v.pipe(planFieldsSchema, rule(planStructureFinding));

/** Checks a plan's structure (see `signalPlanSchema`); throws a ValidationError naming the field below `path`. */
export const checkSignalPlan = (value: unknown, path = 'plan'): SignalPlan => parseAt(signalPlanSchema, value, path);

function planStructureFinding(plan: SignalPlan): Finding | undefined {
  if (plan.phases.length === 0) return { path: ['phases'], reason: 'needs at least one phase' };
  const phaseIds = new Set<string>();
  for (const [i, phase] of plan.phases.entries()) {
    if (phaseIds.has(phase.id)) return { path: ['phases', i, 'id'], reason: `duplicate phase id ${JSON.stringify(phase.id)}` };
    phaseIds.add(phase.id);
    const seen = new Set<string>();
    for (const [j, id] of phase.movementIds.entries()) {
      if (seen.has(id)) return { path: ['phases', i, 'movementIds', j], reason: `duplicate movement ${JSON.stringify(id)}` };
      seen.add(id);
    }
  }
  const sumS = phaseTimesS(plan);
  if (Math.abs(sumS - plan.cycleS) > CYCLE_SUM_TOLERANCE * plan.cycleS) {
    return { path: ['cycleS'], reason: `must equal the sum of the phase times, ${sumS} s, got ${plan.cycleS}` };
  }
  if (plan.offsetS >= plan.cycleS) {
    return { path: ['offsetS'], reason: `must be less than the cycle of ${plan.cycleS} s, got ${plan.offsetS}` };
  }
  return undefined;
}

function phaseTimesS(plan: SignalPlan): number {
  return plan.phases.reduce((sum, p) => sum + p.greenS + p.yellowS + p.allRedS, 0);
}

export const SIGNAL_MODES = ['fixed', 'adaptive', 'maxpressure'] as const;
/**
 * `fixed`: the plan runs as written; `adaptive`: the bridge re-splits its
 * greens from measured flows every few cycles (Webster); `maxpressure`: the
 * source serves, every few seconds, the plan's phase of largest queue
 * pressure, with the plan's minimum greens, yellows and all-reds.
 */
export type SignalMode = (typeof SIGNAL_MODES)[number];

export const SIGNAL_INTERVALS = ['green', 'yellow', 'all-red'] as const;
export type SignalInterval = (typeof SIGNAL_INTERVALS)[number];

/** Where a plan stands at one instant. */
export interface SignalState {
  /** Index into `plan.phases`. */
  phaseIndex: number;
  interval: SignalInterval;
  /** Seconds until this interval ends. */
  remainingS: number;
}

/**
 * The phase and interval a plan shows at `simTimeS` (seconds since the
 * epoch, sim time). Pure; pass `result` to reuse an object on hot paths.
 */
export function signalStateAt(plan: SignalPlan, simTimeS: number, result: SignalState = emptyState()): SignalState {
  const intoCycleS = positiveModulo(simTimeS - plan.offsetS, plan.cycleS);
  let endS = 0;
  for (let i = 0; i < plan.phases.length; i++) {
    const phase = plan.phases[i]!;
    if (intoCycleS < (endS += phase.greenS)) return setState(result, i, 'green', endS - intoCycleS);
    if (intoCycleS < (endS += phase.yellowS)) return setState(result, i, 'yellow', endS - intoCycleS);
    if (intoCycleS < (endS += phase.allRedS)) return setState(result, i, 'all-red', endS - intoCycleS);
  }
  // Only reached when rounding puts the instant a hair past the summed phase times: the cycle's very end.
  const lastIndex = plan.phases.length - 1;
  const last = plan.phases[lastIndex]!;
  const interval = last.allRedS > 0 ? 'all-red' : last.yellowS > 0 ? 'yellow' : 'green';
  return setState(result, lastIndex, interval, 0);
}

const emptyState = (): SignalState => ({ phaseIndex: 0, interval: 'green', remainingS: 0 });

function setState(result: SignalState, phaseIndex: number, interval: SignalInterval, remainingS: number): SignalState {
  result.phaseIndex = phaseIndex;
  result.interval = interval;
  result.remainingS = remainingS;
  return result;
}

/** x mod m in [0, m), also for negative x (and never −0). */
export function positiveModulo(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r + 0;
}
