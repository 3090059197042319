/**
 * Max-pressure over TraCI: every light runs the bridge's `MaxPressureSignal`
 * on the green phases of its own program, and is shown, second by second,
 * the green, yellow or all-red that signal is in.
 *
 * A phase's pressure: for each incoming lane it lets go (counted once, however
 * many of its links are green), the vehicles approaching on it (the lane and
 * the edges feeding it, see approaches.ts) minus the mean queue (halted
 * vehicles) on the lanes it leads to: vehicles driving away downstream
 * block nobody, a standing queue there does.
 */
import { type MovementQueue, MaxPressureSignal, phasePressure } from '../../../backend-bridge/signals/max-pressure';
import type { TrafficReading } from '../../../backend-bridge/sources/sumo/traci';
import type { Controller } from '../controller';
import { type LightModel, type LightPhase, clearingState } from './light-phases';
import type { ApproachGraph } from './approaches';
import { type RunSetup, type StepHandler, type StepView, edgeOfLane, runOverTraci } from './traci-run';

/** Seconds between decisions once a green has run its minimum. */
const DECISION_STEP_S = 10;

const haltingOn = (readings: ReadonlyMap<string, TrafficReading>, id: string): number => readings.get(id)?.haltingCount ?? 0;
const vehiclesOn = (readings: ReadonlyMap<string, TrafficReading>, id: string): number => readings.get(id)?.vehicleCount ?? 0;

/** The phase's movements as the rule counts them, one per incoming lane. */
export function phaseQueues(phase: LightPhase, view: Pick<StepView, 'lanes' | 'edges'>, approaches: ApproachGraph): MovementQueue[] {
  const queues: MovementQueue[] = [];
  for (const [inLane, outLanes] of phase.movements) {
    const edge = edgeOfLane(inLane);
    const feederVeh = approaches.feedersOf(edge).reduce((sum, feeder) => sum + vehiclesOn(view.edges, feeder), 0);
    const upstreamVeh = vehiclesOn(view.lanes, inLane) + feederVeh / approaches.laneCount(edge);
    const downstreamVeh = outLanes.reduce((sum, lane) => sum + haltingOn(view.lanes, lane), 0) / outLanes.length;
    queues.push({ upstreamVeh, downstreamVeh });
  }
  return queues;
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
  const signals = lights.map((light) => new MaxPressureSignal(light.phases, { decisionStepS: DECISION_STEP_S }));
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
      signals[i]!.advance(1, () => light.phases.map((phase) => phasePressure(phaseQueues(phase, view, approaches))));
      await show(i);
    }
  };
}

export const maxPressureController: Controller = {
  name: 'maxpressure',
  run: (job) => runOverTraci(job, maxPressureHandler),
};
