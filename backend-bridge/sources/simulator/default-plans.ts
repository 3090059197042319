/**
 * The fixed-time plans a traffic engineer would leave at each signalized
 * node, derived from the node's expected daily-average demand flows:
 *
 * 1. Phases. Approaches are grouped by the axis they travel along (north–
 *    south or east–west). Each axis gets one phase with through, right and
 *    permitted left turns — unless its left turns pass the cross-product
 *    warrant (left flow × opposing through flow ≥ 100,000 veh²/h², in the
 *    busier peak hour, the design hour engineers check warrants on), in
 *    which case a protected left phase leads the axis's through-and-right
 *    phase.
 * 2. Critical flow ratios (average day). y of a phase is the largest flow / saturation flow
 *    over its approaches; a protected left runs on the approach's left lane
 *    (two on approaches of four lanes or more) — in a bay of its own where
 *    the approach has one (turn-pockets.ts), so through and right keep every
 *    lane — else through and right run on the rest.
 * 3. Cycle. Webster's C0 = (1.5·L + 5) / (1 − Y) with L = yellow + all-red
 *    of every phase, clamped to 40–150 s, and long enough for every minimum.
 * 4. Coordination (see coordination.ts). The signals of a district run one
 *    common cycle, the longest any of them needs (its critical crossing sets
 *    the system cycle), and offsets give inbound progression.
 * 5. Greens. The effective green C − L is split in proportion to critical y,
 *    no phase below its minimum: 7 s, or for a phase with pedestrians the
 *    7 s walk plus their clearance less the yellow and all-red that the
 *    clearance may overlap. Pedestrian clearance = crossing width / 1.2 m/s,
 *    the crossing being both carriageways of the road crossed (3.5 m lanes).
 *
 * Timed for the average day, these plans leave the peaks short of green
 * where demand is heaviest — the gap an adaptive controller is to close.
 */
import { LANE_WIDTH_M } from '../../../common/geo/road-dimensions';
import type { SignalPhase, SignalPlan } from '../../protocol/signals';
import { TURNS } from '../../protocol/signals';
import { progressionOffsetsS, systemCycleS } from './coordination';
import type { SimNetwork } from './network';
import { splitGreensS, websterCycleS, wholeSeconds } from '../../protocol/signal-timing';

/** Interval lengths and limits every default plan uses, seconds unless named otherwise. */
export const SIGNAL_TIMING = {
  yellowS: 3,
  allRedS: 2,
  minGreenS: 7,
  pedWalkS: 7,
  pedSpeedMps: 1.2,
  minCycleS: 40,
  maxCycleS: 150,
  /** Cross-product warrant for a protected left phase, (veh/h)². */
  protectedLeftWarrantVeh2PerH2: 100_000,
} as const;

type Axis = 'ns' | 'ew';

/** The movement flows a plan is designed from, vehicles per second, indexed like `net.movements`. */
export interface PlanFlows {
  /** Averaged over the day: what the cycle and the greens are timed for. */
  dailyVehPerS: Float64Array;
  /** In the busier of the two peak hours: what the left-turn warrant is checked on, as engineers do. */
  designHourVehPerS: Float64Array;
}

/** A phase before it is timed. */
export interface PhaseDesign {
  id: string;
  name: { zh: string; en: string };
  /** Movement indices with right of way. */
  movements: number[];
  criticalRatio: number;
  pedClearanceS: number;
  /** The least green this phase may get: vehicles' minimum, or what its pedestrians need. */
  requiredGreenS: number;
}

interface Approach {
  link: number;
  axis: Axis;
  dx: number;
  dy: number;
  movements: number[];
}

const LEFT = TURNS.indexOf('left');
const THROUGH = TURNS.indexOf('through');

type LaneGroup = 'all' | 'left' | 'through';
type PhaseId = keyof typeof PHASE_NAMES;

const PHASE_NAMES = {
  ns: { zh: '南北向', en: 'North–south' },
  'ns-left': { zh: '南北左转', en: 'North–south left turns' },
  'ns-through': { zh: '南北直行', en: 'North–south through and right' },
  ew: { zh: '东西向', en: 'East–west' },
  'ew-left': { zh: '东西左转', en: 'East–west left turns' },
  'ew-through': { zh: '东西直行', en: 'East–west through and right' },
} as const;

/**
 * A plan for every signalized node, keyed by node index.
 *
 * @param dailyMovementFlowsVehPerS expected daily-average flow of each movement, vehicles per second (tidal-demand.ts)
 */
export function defaultSignalPlans(net: SimNetwork, flows: PlanFlows): Map<number, SignalPlan> {
  const movementVehPerH = flows.dailyVehPerS.map((q) => q * 3600);
  const designHourVehPerH = flows.designHourVehPerS.map((q) => q * 3600);
  const designs = new Map<number, PhaseDesign[]>();
  for (let node = 0; node < net.nodes.count; node++) {
    if (!net.nodes.signalized[node]) continue;
    const phases = designPhases(net, node, movementVehPerH, designHourVehPerH);
    if (phases.length > 0) designs.set(node, phases);
  }
  const ownCycles = new Map([...designs].map(([node, phases]) => [node, ownCycleS(phases)]));
  const cycles = systemCycleS(net, ownCycles);
  const offsets = progressionOffsetsS(net, cycles);
  return new Map(
    [...designs].map(([node, phases]) => [node, timedPlan(net, node, phases, cycles.get(node)!, offsets.get(node)!)]),
  );
}

/** Phases of one node, in service order; empty when the node has no movements. */
/**
 * @param movementVehPerH daily-average flow of each movement, what the greens are split on
 * @param designHourVehPerH flow of each movement in the busier peak hour, what the left-turn warrant is checked on
 */
export function designPhases(net: SimNetwork, node: number, movementVehPerH: Float64Array, designHourVehPerH: Float64Array): PhaseDesign[] {
  const approaches = approachesOf(net, node);
  const flowOf = (movements: readonly number[], turn?: number) =>
    movements.reduce((sum, m) => (turn === undefined || net.movements.turn[m] === turn ? sum + movementVehPerH[m]! : sum), 0);
  const criticalRatio = (along: readonly Approach[], pick: (a: Approach) => number[], lanesFor: LaneGroup) =>
    Math.max(...along.map((a) => flowOf(pick(a)) / saturationVehPerH(net, a.link, lanesFor)));

  const phases: PhaseDesign[] = [];
  for (const axis of ['ns', 'ew'] as const) {
    const along = approaches.filter((a) => a.axis === axis);
    if (along.length === 0) continue;
    const crossed: Axis = axis === 'ns' ? 'ew' : 'ns';
    const pedClearanceS = Math.ceil(crossingWidthM(net, node, crossed) / SIGNAL_TIMING.pedSpeedMps);
    const pedGreenS = SIGNAL_TIMING.pedWalkS + pedClearanceS - SIGNAL_TIMING.yellowS - SIGNAL_TIMING.allRedS;
    const phase = (id: PhaseId, movements: number[], ratio: number, withPedestrians: boolean): PhaseDesign => ({
      id,
      name: PHASE_NAMES[id],
      movements,
      criticalRatio: ratio,
      pedClearanceS: withPedestrians ? pedClearanceS : 0,
      requiredGreenS: Math.max(SIGNAL_TIMING.minGreenS, withPedestrians ? pedGreenS : 0),
    });

    const hasConflicts = approaches.some((a) => a.axis === crossed);
    const designFlowOf = (movements: readonly number[], turn: number) =>
      movements.reduce((sum, m) => (net.movements.turn[m] === turn ? sum + designHourVehPerH[m]! : sum), 0);
    if (!hasConflicts || !needsProtectedLeft(along, designFlowOf)) {
      const all = (a: Approach) => a.movements;
      phases.push(phase(axis, along.flatMap(all), criticalRatio(along, all, 'all'), true));
      continue;
    }
    const lefts = (a: Approach) => a.movements.filter((m) => net.movements.turn[m] === LEFT);
    const rest = (a: Approach) => a.movements.filter((m) => net.movements.turn[m] !== LEFT);
    phases.push(phase(`${axis}-left`, along.flatMap(lefts), criticalRatio(along, lefts, 'left'), false));
    phases.push(phase(`${axis}-through`, along.flatMap(rest), criticalRatio(along, rest, 'through'), true));
  }
  return phases;
}

/** The cycle Webster's formula gives this node alone, clamped and long enough for every minimum, whole seconds. */
function ownCycleS(phases: readonly PhaseDesign[]): number {
  const lostS = lostTimeS(phases);
  const y = phases.reduce((sum, p) => sum + p.criticalRatio, 0);
  const clamped = Math.min(SIGNAL_TIMING.maxCycleS, Math.max(SIGNAL_TIMING.minCycleS, websterCycleS(lostS, y)));
  const leastS = lostS + phases.reduce((sum, p) => sum + p.requiredGreenS, 0);
  return Math.ceil(Math.max(clamped, leastS));
}

function timedPlan(net: SimNetwork, node: number, designs: readonly PhaseDesign[], cycleS: number, offsetS: number): SignalPlan {
  const effectiveS = cycleS - lostTimeS(designs);
  const split = splitGreensS(
    effectiveS,
    designs.map((p) => p.criticalRatio),
    designs.map((p) => p.requiredGreenS),
  );
  const greens = wholeSeconds(split, effectiveS);
  const phases: SignalPhase[] = designs.map((design, i) => ({
    id: design.id,
    name: { ...design.name },
    movementIds: design.movements.map((m) => net.movements.ids[m]!),
    greenS: greens[i]!,
    yellowS: SIGNAL_TIMING.yellowS,
    allRedS: SIGNAL_TIMING.allRedS,
    minGreenS: SIGNAL_TIMING.minGreenS,
    pedClearanceS: design.pedClearanceS,
  }));
  return { nodeId: net.nodes.ids[node]!, version: 1, cycleS, offsetS, phases };
}

const lostTimeS = (phases: readonly unknown[]) => phases.length * (SIGNAL_TIMING.yellowS + SIGNAL_TIMING.allRedS);

function needsProtectedLeft(along: readonly Approach[], flowOf: (movements: readonly number[], turn: number) => number): boolean {
  return along.some((approach) => {
    const opposing = along.find((other) => other !== approach && other.dx * approach.dx + other.dy * approach.dy < 0);
    if (!opposing) return false;
    const product = flowOf(approach.movements, LEFT) * flowOf(opposing.movements, THROUGH);
    return product >= SIGNAL_TIMING.protectedLeftWarrantVeh2PerH2;
  });
}

/** Saturation flow of the lanes an approach gives some of its movements, vehicles per hour. */
function saturationVehPerH(net: SimNetwork, link: number, lanesFor: LaneGroup): number {
  const fullVehPerH = net.links.capacityVehPerS[link]! * 3600;
  const lanes = net.links.lanes[link]!;
  const leftLanes = lanes >= 4 ? 2 : 1;
  if (lanesFor === 'all' || lanes <= leftLanes) return fullVehPerH;
  // A left-turn bay adds its lanes: the through lanes all stay through lanes.
  if (lanesFor === 'through' && net.pockets.ofLink[link]! >= 0) return fullVehPerH;
  return (fullVehPerH * (lanesFor === 'left' ? leftLanes : lanes - leftLanes)) / lanes;
}

/** Both carriageways of the road along `axis` at the node: the widest link in and the widest link out. */
function crossingWidthM(net: SimNetwork, node: number, axis: Axis): number {
  const widest = (links: readonly number[]) =>
    Math.max(0, ...links.filter((l) => axisOf(net, l) === axis).map((l) => net.links.lanes[l]!));
  return (widest(net.nodes.inLinks[node]!) + widest(net.nodes.outLinks[node]!)) * LANE_WIDTH_M;
}

function approachesOf(net: SimNetwork, node: number): Approach[] {
  const byLink = new Map<number, Approach>();
  for (let m = net.movements.nodeStart[node]!; m < net.movements.nodeStart[node + 1]!; m++) {
    const link = net.movements.fromLink[m]!;
    let approach = byLink.get(link);
    if (!approach) {
      const [dx, dy] = directionOf(net, link);
      approach = { link, axis: axisOf(net, link), dx, dy, movements: [] };
      byLink.set(link, approach);
    }
    approach.movements.push(m);
  }
  return [...byLink.values()];
}

function directionOf(net: SimNetwork, link: number): [number, number] {
  const from = net.links.fromNode[link]!;
  const to = net.links.toNode[link]!;
  return [net.nodes.xM[to]! - net.nodes.xM[from]!, net.nodes.yM[to]! - net.nodes.yM[from]!];
}

function axisOf(net: SimNetwork, link: number): Axis {
  const [dx, dy] = directionOf(net, link);
  return Math.abs(dy) >= Math.abs(dx) ? 'ns' : 'ew';
}
