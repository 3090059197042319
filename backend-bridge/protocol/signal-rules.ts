/**
 * The safety and timing rules a signal plan must keep, as the panel shows
 * them while an operator types and as the bridge checks them again before it
 * applies a plan. Pure: the renderer calls it with the city meta it has.
 *
 * Every violation names the field (a path inside the plan, e.g.
 * `phases[1].yellowS`) and the rule, so the UI can mark the cell and say why.
 *
 * Conflicts come from geometry: each approach's direction of travel decides
 * whether two movements cross. Movements from opposing approaches may share a
 * phase — left turns there are permitted turns that yield to oncoming
 * traffic, as the default plans run them. Movements from crossing approaches
 * conflict, except a right turn whose out-link the other does not use.
 */
import type { CityMeta } from './city';
import type { Movement, SignalPlan } from './signals';

/** The limits of every rule, seconds. */
export const PLAN_LIMITS = {
  yellowS: { min: 3, max: 6 },
  allRedS: { min: 0, max: 3 },
  cycleS: { min: 30, max: 180 },
} as const;

export const PLAN_RULES = [
  'yellow-range',
  'all-red-range',
  'min-green',
  'ped-clearance',
  'cycle-range',
  'cycle-sum',
  'offset-range',
  'unknown-movement',
  'movement-served',
  'conflict',
] as const;
export type PlanRule = (typeof PLAN_RULES)[number];

export interface RuleViolation {
  /** Where in the plan, e.g. `phases[1].yellowS`, `cycleS`, `phases[0].movementIds[2]`. */
  path: string;
  rule: PlanRule;
  /** What is wrong, in English, with the figures involved. */
  message: string;
}

/**
 * Direction of travel of each in-link as it reaches the node, degrees
 * clockwise from north (0 = northbound, 90 = eastbound), keyed by link id.
 */
export type ApproachBearings = ReadonlyMap<string, number>;

/** Summed phase times may differ from the cycle by this much, seconds (float sums of whole-second times). */
const CYCLE_SUM_TOLERANCE_S = 1e-6;
/** Approaches closer than this to parallel (or anti-parallel) do not cross, degrees. */
const CROSSING_MIN_DEG = 45;

/**
 * Every rule the plan breaks at its node, in plan order; empty when the plan
 * may run. Structure (types, unique ids) is `checkSignalPlan`'s job.
 *
 * "Every movement served once per cycle" is read as at least once: a
 * movement may run in two phases (e.g. a right turn overlapping the next
 * phase), but none may be left on red for the whole cycle.
 *
 * @param movements the node's movements (every one must be served)
 * @param bearings each in-link's approach direction; see `approachBearingsDeg`
 */
export function checkPlanRules(plan: SignalPlan, movements: readonly Movement[], bearings: ApproachBearings): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const add = (path: string, rule: PlanRule, message: string) => violations.push({ path, rule, message });
  const byId = new Map(movements.map((m) => [m.id, m]));

  const { yellowS, allRedS, cycleS } = PLAN_LIMITS;
  let sumS = 0;
  plan.phases.forEach((phase, i) => {
    const at = `phases[${i}]`;
    sumS += phase.greenS + phase.yellowS + phase.allRedS;
    if (phase.yellowS < yellowS.min || phase.yellowS > yellowS.max) {
      add(`${at}.yellowS`, 'yellow-range', `yellow must be ${yellowS.min}–${yellowS.max} s, got ${phase.yellowS}`);
    }
    if (phase.allRedS < allRedS.min || phase.allRedS > allRedS.max) {
      add(`${at}.allRedS`, 'all-red-range', `all-red must be ${allRedS.min}–${allRedS.max} s, got ${phase.allRedS}`);
    }
    if (phase.greenS < phase.minGreenS) {
      add(`${at}.greenS`, 'min-green', `green ${phase.greenS} s is below the minimum green of ${phase.minGreenS} s`);
    }
    if (phase.greenS < phase.pedClearanceS) {
      add(`${at}.greenS`, 'ped-clearance', `green ${phase.greenS} s is shorter than the pedestrian clearance of ${phase.pedClearanceS} s`);
    }
    phase.movementIds.forEach((id, j) => {
      if (!byId.has(id)) add(`${at}.movementIds[${j}]`, 'unknown-movement', `no movement ${id} at node ${plan.nodeId}`);
    });
    checkConflicts(phase.movementIds, byId, bearings, (j, message) => add(`${at}.movementIds[${j}]`, 'conflict', message));
  });

  if (plan.cycleS < cycleS.min || plan.cycleS > cycleS.max) {
    add('cycleS', 'cycle-range', `cycle must be ${cycleS.min}–${cycleS.max} s, got ${plan.cycleS}`);
  }
  if (Math.abs(sumS - plan.cycleS) > CYCLE_SUM_TOLERANCE_S) {
    add('cycleS', 'cycle-sum', `cycle ${plan.cycleS} s must equal the sum of the phase times, ${roundS(sumS)} s`);
  }
  if (plan.offsetS < 0 || plan.offsetS >= plan.cycleS) {
    add('offsetS', 'offset-range', `offset must be at least 0 and less than the cycle of ${plan.cycleS} s, got ${plan.offsetS}`);
  }
  const served = new Set(plan.phases.flatMap((phase) => phase.movementIds));
  for (const movement of movements) {
    if (!served.has(movement.id)) add('phases', 'movement-served', `movement ${movement.id} (${movement.turn}) gets no green in any phase`);
  }
  return violations;
}

/** Calls `report(j, message)` for each movement of a phase that conflicts with an earlier one of the same phase. */
function checkConflicts(
  movementIds: readonly string[],
  byId: ReadonlyMap<string, Movement>,
  bearings: ApproachBearings,
  report: (j: number, message: string) => void,
): void {
  for (let j = 1; j < movementIds.length; j++) {
    const b = byId.get(movementIds[j]!);
    if (!b) continue;
    for (let k = 0; k < j; k++) {
      const a = byId.get(movementIds[k]!);
      if (a && movementsConflict(a, b, bearings)) {
        report(j, `${b.id} (${b.turn}) crosses ${a.id} (${a.turn}) green in the same phase`);
        break;
      }
    }
  }
}

/**
 * Whether two movements of one node may not have green together. Unknown
 * bearings count as crossing: when in doubt, the plan is refused.
 */
export function movementsConflict(a: Movement, b: Movement, bearings: ApproachBearings): boolean {
  if (a.inLinkId === b.inLinkId) return false;
  const bearingA = bearings.get(a.inLinkId);
  const bearingB = bearings.get(b.inLinkId);
  const apartDeg = bearingA === undefined || bearingB === undefined ? 90 : angleApartDeg(bearingA, bearingB);
  const crossing = apartDeg >= CROSSING_MIN_DEG && apartDeg <= 180 - CROSSING_MIN_DEG;
  if (!crossing) return false;
  const rightClear = (m: Movement, other: Movement) => m.turn === 'right' && m.outLinkId !== other.outLinkId;
  return !rightClear(a, b) && !rightClear(b, a);
}

/** The angle between two bearings, 0–180 degrees. */
function angleApartDeg(aDeg: number, bDeg: number): number {
  const d = Math.abs(aDeg - bDeg) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * Approach bearings of a node's in-links from the city's node coordinates
 * (x east, y north): the direction from each link's upstream node to the
 * node.
 */
export function approachBearingsDeg(meta: Pick<CityMeta, 'nodes' | 'links'>, nodeId: string): Map<string, number> {
  const position = new Map(meta.nodes.map((node) => [node.id, node]));
  const bearings = new Map<string, number>();
  for (const link of meta.links) {
    if (link.toNodeId !== nodeId) continue;
    const from = position.get(link.fromNodeId);
    const to = position.get(link.toNodeId);
    if (!from || !to) continue;
    const deg = (Math.atan2(to.xM - from.xM, to.yM - from.yM) * 180) / Math.PI;
    bearings.set(link.id, deg < 0 ? deg + 360 : deg);
  }
  return bearings;
}

const roundS = (s: number) => Math.round(s * 1000) / 1000;
