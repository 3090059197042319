/**
 * Max-pressure over TraCI: every light runs the bridge's `MaxPressureSignal`
 * on the green phases of its own program, and is shown, second by second,
 * the green, yellow or all-red that signal is in.
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
 * - Decisions come every 2 × the light's longest clearance (yellow +
 *   all-red) past the minimum green: a switch loses a clearance of
 *   discharge, so a light with long yellows switches less often. Between
 *   decisions the green is looked at every second and ends as soon as its
 *   own pressure is gone while another phase has more (gap-out).
 *
 * Measured (RESCO delay, s; fixed time: cologne1 57.7, cologne8 63.0,
 * ingolstadt1 40.7, ingolstadt7 123.4, grid4x4 93.9, arterial4x4 1476.6):
 * - plain (vehicles on the controlled lane minus vehicles downstream, a
 *   decision every 5 s): cologne1 55.5, a light with 5 s yellows switching
 *   every 5 s; every 10 / 15 / 20 s: 33.0 / 30.7 / 34.9.
 * - without the link share a queue on a shared lane held a protected-left
 *   green it could not use (a tie with the through phase): cologne8
 *   gridlocked (533–840). A longest-wait guard (a phase with pressure
 *   served within 1–3 program cycles) unblocked it (51–105) but cost
 *   cologne1 up to twice its delay; the link share alone gives 26.5.
 * - decision step 10 s / 5 s / 2 × clearance, whole lanes counted:
 *   cologne1 33.0 / 48.3 / 33.0, cologne8 26.5 / 33.8 / 28.4, ingolstadt1
 *   31.0 / 28.9 / 29.0, grid4x4 47.6 / 41.2 / 43.0, ingolstadt7 40.7 / 46.8
 *   / 34.9, arterial4x4 711.8 / 857.3 / 790.4.
 * - counting moving vehicles only within a fixed 200 / 100 / 50 m:
 *   grid4x4 37.8 / 33.6 / 33.9, cologne8 24.0 / 22.5 / 22.3; within one
 *   decision step's drive (kept): grid4x4 34.0, cologne8 21.1, ingolstadt1
 *   26.9, ingolstadt7 32.3, arterial4x4 802.9, cologne1 33.7.
 * - then, mean of seeds 0–2, decisions only / with the 1 s gap-out look
 *   (kept) / decision step 3 × clearance with the look: cologne1 33.0 /
 *   32.2 / 31.1, cologne8 21.8 / 21.3 / 21.8, ingolstadt1 26.3 / 26.6 /
 *   27.7, ingolstadt7 32.5 / 36.8 / 32.4, grid4x4 34.3 / 33.1 / 36.5,
 *   arterial4x4 799.2 / 807.1 / –.
 * - tried and dropped: queues (halted vehicles) upstream instead of all
 *   approaching vehicles (better on ingolstadt1, 24.0, worse on cologne1,
 *   36.0, and grid4x4, 55.7); moving vehicles counted for the green phase
 *   only (cologne1 31.4, grid4x4 49.5–52.5); a bonus for the current phase
 *   worth its clearance's discharge (worse everywhere, grid4x4 67.5); mean
 *   instead of sum over a phase's lanes (cologne8 35.4); a gap-out counting
 *   only what reaches the stop line within 3 s (no better).
 * - cologne1 stays above RESCO's 27.8: its two main phases alternate about
 *   every 10 s green + 5 s yellow, about Webster's optimum cycle for that
 *   lost time; a longer step helps it (31.1) but costs grid4x4 more.
 */
import { type MovementQueue, MaxPressureSignal, phasePressure } from '../../../backend-bridge/signals/max-pressure';
import type { TrafficReading } from '../../../backend-bridge/sources/sumo/traci';
import type { Controller } from '../controller';
import type { Approach, ApproachGraph, ApproachPart } from './approaches';
import { type LightModel, type LightPhase, clearingState } from './light-phases';
import { type RunSetup, type StepHandler, type StepView, edgeOfLane, runOverTraci } from './traci-run';

/** Decision step as a multiple of the light's longest clearance. */
const DECISION_STEP_CLEARANCES = 2;
/** Seconds between looks at whether a green past its minimum still serves anyone: every simulation step. */
const IDLE_CHECK_S = 1;

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
export function phaseQueues(phase: LightPhase, view: Pick<StepView, 'lanes' | 'edges'>, byLane: LaneApproaches): MovementQueue[] {
  const queues: MovementQueue[] = [];
  for (const [inLane, { outLanes, linkShare }] of phase.movements) {
    const approach = byLane.get(inLane)!;
    const feederVeh = approach.feeders.reduce((sum, feeder) => sum + inRange(view.edges, feeder), 0);
    const upstreamVeh = (inRange(view.lanes, { edgeId: inLane, inRangeShare: approach.edge.inRangeShare }) + feederVeh / approach.laneCount) * linkShare;
    const downstreamVeh = outLanes.reduce((sum, lane) => sum + haltedOn(view.lanes, lane), 0) / outLanes.length;
    queues.push({ upstreamVeh, downstreamVeh });
  }
  return queues;
}

/** Seconds between a light's decisions: a multiple of its longest clearance. */
export function decisionStepS(light: LightModel): number {
  return DECISION_STEP_CLEARANCES * Math.max(...light.phases.map((phase) => phase.yellowS + phase.allRedS));
}

/** The signal string a max-pressure signal shows now. */
export function displayedState(light: LightModel, signal: MaxPressureSignal): string {
  const { phaseIndex, interval } = signal.state();
  const from = light.phases[phaseIndex]!.greenState;
  if (interval === 'green') return from;
  return clearingState(from, light.phases[signal.nextPhaseIndex()]!.greenState, interval);
}

/** Sets up one run: a max-pressure signal per light, each shown at once and moved on every second. */
export async function maxPressureHandler({ traci, lights, approaches }: RunSetup): Promise<StepHandler> {
  const signals = lights.map((light) => new MaxPressureSignal(light.phases, { decisionStepS: decisionStepS(light), idleCheckS: IDLE_CHECK_S }));
  const byLight = lights.map((light) => laneApproaches(light, approaches, decisionStepS(light)));
  const feeders = new Set(byLight.flatMap((byLane) => [...byLane.values()].flatMap((approach) => approach.feeders.map((part) => part.edgeId))));
  for (const edgeId of feeders) await traci.subscribeEdge(edgeId);
  const shown = lights.map(() => '');
  // Only a change goes to SUMO: each TraCI call is a round trip.
  const show = async (index: number) => {
    const state = displayedState(lights[index]!, signals[index]!);
    if (state === shown[index]) return;
    shown[index] = state;
    await traci.setRedYellowGreenState(lights[index]!.tlId, state);
  };
  for (let i = 0; i < lights.length; i++) await show(i);
  return async (view) => {
    for (let i = 0; i < lights.length; i++) {
      const light = lights[i]!;
      signals[i]!.advance(1, () => light.phases.map((phase) => phasePressure(phaseQueues(phase, view, byLight[i]!))));
      await show(i);
    }
  };
}

export const maxPressureController: Controller = {
  name: 'maxpressure',
  run: (job) => runOverTraci(job, maxPressureHandler),
};
