/**
 * Max-pressure for one SUMO traffic light: the bridge's `MaxPressureSignal`
 * on the distinct green phases of the light's program (light-phases.ts),
 * fed with a pressure estimate from SUMO's lane and edge readings. The RESCO
 * benchmark (bench/resco/controllers/max-pressure.ts, where the choices are
 * measured) and the live SUMO source's max-pressure mode both run this.
 *
 * The method (no constant fitted to a network):
 * - A phase's pressure sums, over the incoming lanes it lets go (each lane
 *   once), the vehicles that can reach the stop line before the next
 *   decision, times the share of the lane's links the phase shows green,
 *   minus the mean queue (halted vehicles) on the lanes those links lead to:
 *   a car driving away downstream blocks nobody, a standing queue does.
 *   "Can reach": the lane's and its feeder edges' queues whole, their moving
 *   vehicles within one decision step's drive at the speed limit
 *   (approaches.ts).
 * - Timing as every max-pressure signal of the bridge runs it
 *   (`clearanceTiming`): decisions every 2 × the light's longest clearance
 *   past the required green, a gap-out look every second.
 * - A green whose lanes still hold standing vehicles (the queue it serves
 *   is still discharging) is kept for up to QUEUE_HOLD_STEPS decision steps
 *   past its first decision: cutting a discharging queue wastes the start-up
 *   time it already paid, and pressure counts the cars behind the stop line
 *   no differently from the cars about to cross it.
 * - While clearing, a link green in the next phase too keeps its green.
 */
import { requiredGreenS } from '../../../protocol/signal-timing';
import { type MovementQueue, MaxPressureSignal, type PressureSignalState, clearanceTiming, phasePressure } from '../../../signals/max-pressure';
import type { TrafficReading } from '../traci';
import type { Approach, ApproachGraph, ApproachPart } from './approaches';
import { type LightModel, type LightPhase, clearingState, lanesOf } from './light-phases';


/** Decision steps a green with standing vehicles on its lanes may be kept past its first decision. */
export const QUEUE_HOLD_STEPS = 2;

/** Last-step readings the estimate reads: the lights' lanes and their feeder edges. */
export interface PressureReadings {
  lanes: ReadonlyMap<string, TrafficReading>;
  edges: ReadonlyMap<string, TrafficReading>;
}

/** The edge a lane belongs to: SUMO names lanes `<edge>_<index>`. */
export const edgeOfLane = (laneId: string): string => laneId.slice(0, laneId.lastIndexOf('_'));

const vehiclesOn = (readings: ReadonlyMap<string, TrafficReading>, id: string): number => readings.get(id)?.vehicleCount ?? 0;
const haltedOn = (readings: ReadonlyMap<string, TrafficReading>, id: string): number => readings.get(id)?.haltingCount ?? 0;

/**
 * Vehicles within an approach part: its queue whole (it stands at the
 * downstream end), its moving vehicles by the share of its length in range.
 */
function inRange(readings: ReadonlyMap<string, TrafficReading>, part: ApproachPart): number {
  const halted = haltedOn(readings, part.edgeId);
  return halted + (vehiclesOn(readings, part.edgeId) - halted) * part.inRangeShare;
}

/** Each incoming lane's approach, as far back as a vehicle drives in one decision step. */
export type LaneApproaches = ReadonlyMap<string, Approach>;

export function laneApproaches(light: LightModel, approaches: ApproachGraph, stepS: number): LaneApproaches {
  const byLane = new Map<string, Approach>();
  for (const phase of light.phases) {
    for (const inLane of phase.movements.keys()) {
      if (byLane.has(inLane)) continue;
      const edge = edgeOfLane(inLane);
      byLane.set(inLane, approaches.approach(edge, stepS * approaches.approach(edge, 1).speedMps));
    }
  }
  return byLane;
}

/** The phase's movements as the rule counts them, one per incoming lane. */
export function phaseQueues(phase: LightPhase, readings: PressureReadings, byLane: LaneApproaches): MovementQueue[] {
  const queues: MovementQueue[] = [];
  for (const [inLane, { outLanes, linkShare }] of phase.movements) {
    const approach = byLane.get(inLane)!;
    const feederVeh = approach.feeders.reduce((sum, feeder) => sum + inRange(readings.edges, feeder), 0);
    const upstreamVeh = (inRange(readings.lanes, { edgeId: inLane, inRangeShare: approach.edge.inRangeShare }) + feederVeh / approach.laneCount) * linkShare;
    const downstreamVeh = outLanes.reduce((sum, lane) => sum + haltedOn(readings.lanes, lane), 0) / outLanes.length;
    queues.push({ upstreamVeh, downstreamVeh });
  }
  return queues;
}

/** Whether vehicles stand on any lane the phase lets go. */
function queueStands(phase: LightPhase, readings: PressureReadings): boolean {
  for (const inLane of phase.movements.keys()) if (haltedOn(readings.lanes, inLane) > 0) return true;
  return false;
}

/** Seconds between a light's decisions (the shared max-pressure timing). */
export const decisionStepS = (light: LightModel): number => clearanceTiming(light.phases).decisionStepS;

/** One light under max-pressure: advanced each step with that step's readings, it says what SUMO should show. */
export class PressureLight {
  private readonly signal: MaxPressureSignal;
  private readonly byLane: LaneApproaches;
  /** Per phase: the green's length up to which standing vehicles on its lanes keep it. */
  private readonly holdLimitS: number[];

  /** `startPhase`: index into `light.phases` of the green it starts in. */
  constructor(
    readonly light: LightModel,
    approaches: ApproachGraph,
    startPhase = 0,
  ) {
    const timing = clearanceTiming(light.phases);
    const stepS = timing.decisionStepS;
    this.signal = new MaxPressureSignal(light.phases, timing, startPhase);
    this.byLane = laneApproaches(light, approaches, stepS);
    this.holdLimitS = light.phases.map((phase) => Math.max(requiredGreenS(phase), stepS) + QUEUE_HOLD_STEPS * stepS);
  }

  /** Lanes whose readings it needs: the incoming and outgoing lanes of the light's phases. */
  laneIds(): string[] {
    return [...lanesOf(this.light)];
  }

  /** Edges whose readings it needs: those feeding its incoming lanes' edges. */
  feederEdgeIds(): string[] {
    return [...new Set([...this.byLane.values()].flatMap((approach) => approach.feeders.map((part) => part.edgeId)))];
  }

  /** Moves on by `dtS` seconds; a decision on the way reads `readings`, the last step's. */
  advance(dtS: number, readings: PressureReadings): void {
    this.signal.advance(dtS, () => {
      const pressures = this.light.phases.map((phase) => phasePressure(phaseQueues(phase, readings, this.byLane)));
      const current = this.signal.state().phaseIndex;
      if (this.signal.intervalElapsedS() < this.holdLimitS[current]! && queueStands(this.light.phases[current]!, readings)) pressures[current] = Infinity;
      return pressures;
    });
  }

  /** Phase (an index into `light.phases`), interval and seconds left. */
  state(): PressureSignalState {
    return this.signal.state();
  }

  /** The signal string to show now. */
  shownState(): string {
    const { phaseIndex, interval } = this.signal.state();
    const from = this.light.phases[phaseIndex]!.greenState;
    if (interval === 'green') return from;
    return clearingState(from, this.light.phases[this.signal.nextPhaseIndex()]!.greenState, interval);
  }
}
