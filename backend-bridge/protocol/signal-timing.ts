/**
 * Webster's method for fixed-time signals (Webster 1958, Road Research
 * Technical Paper 39): the cycle that minimises delay, green splits in
 * proportion to each phase's critical flow ratio y = flow / saturation flow,
 * and the delay a plan gives. The simulator times its default plans with it,
 * the bridge's adaptive controller re-times running plans with it, and the
 * signal panel shows its recommendation and delay prediction. Pure.
 *
 * Lost time per phase is taken as its yellow plus all-red, so a phase's
 * effective green is its displayed green.
 */
import type { PhaseDemand } from './signal-messages';
import { PLAN_LIMITS } from './signal-rules';
import type { SignalPhase, SignalPlan } from './signals';

/**
 * Webster's optimum cycle, C0 = (1.5·L + 5) / (1 − Y), seconds; Infinity
 * when the crossing is at or over capacity (Y ≥ 1).
 *
 * @param lostTimeS time lost to clearances per cycle (L), seconds
 * @param criticalRatioSum Y, the sum of the phases' critical flow ratios
 */
export function websterCycleS(lostTimeS: number, criticalRatioSum: number): number {
  if (criticalRatioSum >= 1) return Infinity;
  return (1.5 * lostTimeS + 5) / (1 - criticalRatioSum);
}

/**
 * Splits the effective green of a cycle over the phases in proportion to
 * their critical flow ratios. A phase whose share would fall below its
 * minimum gets the minimum and the others share what is left; phases with
 * no demand share equally when no phase has any. When the minimums alone
 * exceed the green, every phase gets its minimum.
 */
export function splitGreensS(effectiveGreenS: number, criticalRatios: readonly number[], minGreensS: readonly number[]): number[] {
  const atMinimum = criticalRatios.map(() => false);
  for (;;) {
    const fixedS = minGreensS.reduce((sum, min, i) => sum + (atMinimum[i] ? min : 0), 0);
    const free = criticalRatios.map((_, i) => i).filter((i) => !atMinimum[i]);
    const freeRatio = free.reduce((sum, i) => sum + criticalRatios[i]!, 0);
    const shareOf = (i: number) => (freeRatio > 0 ? criticalRatios[i]! / freeRatio : 1 / free.length);
    const greens = criticalRatios.map((_, i) => (atMinimum[i] ? minGreensS[i]! : (effectiveGreenS - fixedS) * shareOf(i)));
    const short = free.filter((i) => greens[i]! < minGreensS[i]!);
    if (short.length === 0) return greens;
    for (const i of short) atMinimum[i] = true;
  }
}

/**
 * Rounds greens to whole seconds that add up to `totalS` (itself whole),
 * giving the spare seconds to the largest remainders. Controllers time in
 * whole seconds, and so does the simulation step.
 */
export function wholeSeconds(greensS: readonly number[], totalS: number): number[] {
  const whole = greensS.map(Math.floor);
  const order = greensS.map((g, i) => ({ i, remainder: g - Math.floor(g) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let spare = totalS - whole.reduce((sum, g) => sum + g, 0);
  for (let k = 0; spare > 0; k = (k + 1) % order.length, spare--) whole[order[k]!.i]!++;
  return whole;
}

/** Bounds a recommendation keeps. */
export interface RecommendLimits {
  /** Shortest cycle, seconds. @default PLAN_LIMITS.cycleS.min (30) */
  minCycleS?: number;
  /** Longest cycle, seconds; also the cycle of a crossing at or over capacity. @default PLAN_LIMITS.cycleS.max (180) */
  maxCycleS?: number;
  /**
   * Keep the plan's cycle and re-split its greens only: what coordinated
   * signals do, since their offsets assume the common cycle. @default false
   */
  keepCycle?: boolean;
}

/** The least green a phase may get: its minimum green and its pedestrian clearance, seconds. */
export const requiredGreenS = (phase: Pick<SignalPhase, 'minGreenS' | 'pedClearanceS'>): number =>
  Math.max(phase.minGreenS, phase.pedClearanceS);

/** Yellow and all-red of every phase: what a cycle loses to clearances, seconds. */
export const lostTimeS = (plan: Pick<SignalPlan, 'phases'>): number => plan.phases.reduce((sum, p) => sum + p.yellowS + p.allRedS, 0);

/**
 * Webster's plan for the measured demand: cycle C0 = (1.5·L + 5)/(1 − Y)
 * rounded up to whole seconds and clamped to the limits (and long enough
 * for every phase's required green), effective green split in proportion to
 * the critical flow ratios with no phase below max(min green, pedestrian
 * clearance), whole-second greens. Phase order, movements, intervals and
 * limits stay; the offset is kept, modulo the new cycle; `version` is the
 * plan's own (the caller sets the next one).
 *
 * @param demand one entry per phase, matched by `phaseId`
 */
export function recommendPlan(plan: SignalPlan, demand: readonly PhaseDemand[], limits: RecommendLimits = {}): SignalPlan {
  const minCycleS = limits.minCycleS ?? PLAN_LIMITS.cycleS.min;
  const maxCycleS = limits.maxCycleS ?? PLAN_LIMITS.cycleS.max;
  const ratios = criticalRatios(plan, demand);
  const lostS = lostTimeS(plan);
  const required = plan.phases.map(requiredGreenS);
  const leastCycleS = Math.ceil(lostS + required.reduce((sum, g) => sum + g, 0));
  const websterS = websterCycleS(lostS, ratios.reduce((sum, y) => sum + y, 0));
  const cycleS = limits.keepCycle
    ? plan.cycleS
    : Math.max(leastCycleS, Math.ceil(Math.min(maxCycleS, Math.max(minCycleS, websterS))));
  const effectiveS = cycleS - lostS;
  const greens = wholeSeconds(splitGreensS(effectiveS, ratios, required), effectiveS);
  return {
    ...plan,
    cycleS,
    offsetS: plan.offsetS % cycleS,
    phases: plan.phases.map((phase, i) => ({ ...phase, name: { ...phase.name }, movementIds: [...phase.movementIds], greenS: greens[i]! })),
  };
}

/** Above this degree of saturation Webster's random-delay term is not used (it grows without bound at 1). */
const MAX_WEBSTER_SATURATION = 0.95;
/** Period over which an oversaturated phase's queue is taken to grow, seconds (15 minutes, as capacity analyses use). */
const OVERFLOW_PERIOD_S = 900;

/**
 * Webster's average delay per vehicle for the plan under the given demand,
 * seconds, weighted by each phase's critical flow:
 *
 *   d = C(1 − λ)² / (2(1 − λx)) + x² / (2q(1 − x)) − 0.65 (C/q²)^(1/3) x^(2 + 5λ)
 *
 * with λ = green / cycle, q the flow (veh/s) and x = q / (sλ) the degree of
 * saturation. Oversaturation cap: for x above 0.95 the formula is evaluated
 * at 0.95, and from x = 1 on the deterministic overflow delay of a queue
 * growing for 15 minutes, 900·(x − 1)/(2x) s, is added — so the figure stays
 * finite and still grows with the overload. 0 when no phase has demand.
 */
export function predictDelayPerVehS(plan: SignalPlan, demand: readonly PhaseDemand[]): number {
  let weighted = 0;
  let flowSum = 0;
  plan.phases.forEach((phase, i) => {
    const d = demandOf(demand, phase.id, i);
    const qVehPerS = d.flowVehPerH / 3600;
    if (qVehPerS <= 0) return;
    const lambda = phase.greenS / plan.cycleS;
    const x = qVehPerS / ((d.saturationFlowVehPerH / 3600) * lambda);
    weighted += qVehPerS * phaseDelayS(plan.cycleS, lambda, qVehPerS, x);
    flowSum += qVehPerS;
  });
  return flowSum > 0 ? weighted / flowSum : 0;
}

function phaseDelayS(cycleS: number, lambda: number, qVehPerS: number, x: number): number {
  const xw = Math.min(x, MAX_WEBSTER_SATURATION);
  const uniform = (cycleS * (1 - lambda) ** 2) / (2 * (1 - lambda * xw));
  const random = (xw * xw) / (2 * qVehPerS * (1 - xw));
  const correction = 0.65 * Math.cbrt(cycleS / (qVehPerS * qVehPerS)) * xw ** (2 + 5 * lambda);
  const overflow = x > 1 ? (OVERFLOW_PERIOD_S * (x - 1)) / (2 * x) : 0;
  return Math.max(0, uniform + random - correction) + overflow;
}

/** y = flow / saturation flow of each phase, in plan order. */
function criticalRatios(plan: SignalPlan, demand: readonly PhaseDemand[]): number[] {
  return plan.phases.map((phase, i) => {
    const d = demandOf(demand, phase.id, i);
    return d.flowVehPerH / d.saturationFlowVehPerH;
  });
}

function demandOf(demand: readonly PhaseDemand[], phaseId: string, index: number): PhaseDemand {
  const found = demand.find((d) => d.phaseId === phaseId);
  if (!found) throw new RangeError(`no demand for phase ${JSON.stringify(phaseId)} (phases[${index}])`);
  return found;
}
