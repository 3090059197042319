/**
 * Max-pressure over TraCI: every light runs the bridge's `MaxPressureSignal`
 * on the green phases of its own program, and is shown, second by second,
 * the green, yellow or all-red that signal is in.
 *
 * The method (no constant fitted to a network):
 * - A phase's pressure sums, over the incoming lanes it lets go (each lane
 *   once), the vehicles approaching on the lane and on the edges feeding it
 *   within 200 m (approaches.ts), times the share of the lane's links that
 *   are green, minus the mean queue (halted vehicles) on the lanes those
 *   links lead to: a car driving away downstream blocks nobody, a standing
 *   queue does.
 * - Decisions come every 2 × the light's longest clearance (yellow +
 *   all-red) once the minimum green has run: a switch loses a clearance of
 *   discharge, so a light with long yellows should switch less often.
 *
 * Measured (RESCO delay, s, seed 0; fixed time: cologne1 57.7, cologne8
 * 63.0, ingolstadt1 40.7, ingolstadt7 123.4, grid4x4 93.9, arterial4x4 1476.6):
 * - plain: vehicles on the controlled lane only, minus vehicles downstream,
 *   decision every 5 s: cologne1 55.5, since a light with a 5 s yellow then
 *   switched every 5 s. Every 10 s: 33.0; 15 s: 30.7; 20 s: 34.9.
 * - without the link share, a queue on a shared lane held a protected-left
 *   green it could not use (tie with the through phase): cologne8 gridlocked
 *   (533–840 s). A longest-wait guard (a phase with pressure served within
 *   1–3 program cycles) unblocked it (51–105 s) but cost cologne1 up to
 *   twice the delay; the link share alone gives cologne8 26.5 s.
 * - decision step 10 s / 5 s / 2 × clearance (what is kept):
 *   cologne1 33.0 / 48.3 / 33.0, cologne8 26.5 / 33.8 / 28.4, ingolstadt1
 *   31.0 / 28.9 / 29.0, grid4x4 47.6 / 41.2 / 43.0, ingolstadt7 40.7 / 46.8
 *   / 34.9, arterial4x4 711.8 / 857.3 / 790.4.
 * - queues (halted vehicles) upstream instead of all approaching vehicles:
 *   better on ingolstadt1 (24.0), worse on cologne1 (36.0) and grid4x4
 *   (55.7); counting moving vehicles only for the phase that is green: mixed
 *   (cologne1 31.4, grid4x4 49.5–52.5); a bonus for keeping the current
 *   phase worth its clearance's discharge: worse everywhere (grid4x4 67.5);
 *   mean instead of sum over a phase's lanes: worse on cologne8 (35.4).
 */
import { type MovementQueue, MaxPressureSignal, phasePressure } from '../../../backend-bridge/signals/max-pressure';
import type { TrafficReading } from '../../../backend-bridge/sources/sumo/traci';
import type { Controller } from '../controller';
import type { Approach, ApproachGraph, ApproachPart } from './approaches';
import { type LightModel, type LightPhase, clearingState } from './light-phases';
import { type RunSetup, type StepHandler, type StepView, edgeOfLane, runOverTraci } from './traci-run';

/** Decision step as a multiple of the light's longest clearance. */
const DECISION_STEP_CLEARANCES = 2;

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

export function laneApproaches(light: LightModel, approaches: ApproachGraph): LaneApproaches {
  const stepS = decisionStepS(light);
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
  const signals = lights.map((light) => new MaxPressureSignal(light.phases, { decisionStepS: decisionStepS(light) }));
  const byLight = lights.map((light) => laneApproaches(light, approaches));
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
