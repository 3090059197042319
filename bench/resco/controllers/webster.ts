/**
 * Webster over TraCI, the bridge's adaptive mode on SUMO: each light keeps
 * its own program and cycle, and every few cycles its greens are re-split by
 * `recommendPlan` (within the minimum greens, cycle kept) from the flows
 * measured since the last split. SUMO then runs the re-timed program.
 *
 * Flow of a lane, veh/s, is density × space-mean speed = vehicles × mean
 * speed / length, averaged over every second; a phase's demand is its
 * critical lane (the largest flow among the lanes it lets go) against one
 * lane's saturation flow.
 *
 * Measured (RESCO delay, s, mean of seeds 0–2; fixed time in brackets):
 * arterial4x4 1208.6 (1477.4), cologne1 54.6 (58.4), cologne8 53.3 (65.2),
 * grid4x4 88.0 (93.8), ingolstadt7 75.3 (124.3), but ingolstadt1 71.6
 * (40.6): there a side road's lane also turns in the main phase, the tie
 * puts its flow there, and the side phase is cut towards its minimum.
 * Counting every lane in each of its phases made every shared lane lengthen
 * every phase (cologne1 142 s); splitting a lane's flow over its phases by
 * green links helped ingolstadt1 (42.9) but cost cologne8 (73.5) and
 * cologne1 (56.4), so the main-phase rule stays.
 */
import type { PhaseDemand } from '../../../backend-bridge/protocol/signal-messages';
import type { SignalPlan } from '../../../backend-bridge/protocol/signals';
import { recommendPlan } from '../../../backend-bridge/protocol/signal-timing';
import type { SumoSignalProgram } from '../../../backend-bridge/sources/sumo/network/signal-programs';
import type { ControlledLink, TrafficLightLogic } from '../../../backend-bridge/sources/sumo/traci';
import type { Controller } from '../controller';
import { runOverTraci } from './traci-run';

/** Cycles a split runs before the next, as the bridge's adaptive mode does. */
const EVERY_CYCLES = 3;
/** Saturation flow of one lane, veh/h (HCM's base rate, rounded). */
const LANE_SATURATION_VEH_PER_H = 1800;

const isGreenStep = (state: string): boolean => /[Gg]/.test(state) && !/[yY]/.test(state);

/**
 * The program's steps with each phase's green steps stretched or shrunk to
 * the plan's green (whole seconds, a step never below 1 s); clearances and
 * the order stay.
 */
export function retimedLogic(program: SumoSignalProgram, plan: SignalPlan, currentStep: number): TrafficLightLogic {
  const durationsS = program.steps.map((step) => step.durationS);
  program.phaseSteps.forEach((stepIndices, phaseIndex) => {
    const greens = stepIndices.filter((index) => isGreenStep(program.steps[index]!.state));
    const oldS = greens.reduce((sum, index) => sum + program.steps[index]!.durationS, 0);
    const newS = plan.phases[phaseIndex]!.greenS;
    let leftS = newS;
    greens.forEach((index, k) => {
      const shareS = k === greens.length - 1 ? leftS : Math.round((program.steps[index]!.durationS / oldS) * newS);
      durationsS[index] = Math.max(1, shareS);
      leftS -= shareS;
    });
  });
  return {
    programId: 'webster',
    type: 0,
    currentPhaseIndex: currentStep,
    phases: program.steps.map((step, index) => ({
      durationS: durationsS[index]!,
      state: step.state,
      minDurationS: durationsS[index]!,
      maxDurationS: durationsS[index]!,
      next: [],
      name: '',
    })),
    parameters: {},
  };
}

/**
 * The incoming lanes each phase is the main green of: a lane green in several
 * phases (a shared through-and-left lane, green with the throughs and again
 * in a protected left) counts in the phase where most of its links are
 * green, first on a tie, so its flow does not lengthen both.
 */
export function mainPhaseLanes(greenStates: readonly string[], links: readonly (readonly ControlledLink[])[]): string[][] {
  const best = new Map<string, { phase: number; links: number }>();
  greenStates.forEach((state, phase) => {
    const counts = new Map<string, number>();
    links.forEach((atIndex, index) => {
      if (state[index] !== 'G' && state[index] !== 'g') return;
      for (const { fromLane } of atIndex) counts.set(fromLane, (counts.get(fromLane) ?? 0) + 1);
    });
    for (const [lane, count] of counts) if (count > (best.get(lane)?.links ?? 0)) best.set(lane, { phase, links: count });
  });
  const lists = greenStates.map((): string[] => []);
  for (const [lane, { phase }] of best) lists[phase]!.push(lane);
  return lists;
}

/** Each plan phase's critical lane flow, from lane flows summed over `windowS` seconds. */
export function phaseDemand(plan: SignalPlan, laneLists: readonly string[][], flowSumVeh: ReadonlyMap<string, number>, windowS: number): PhaseDemand[] {
  return plan.phases.map((phase, index) => {
    const flows = laneLists[index]!.map((lane) => (flowSumVeh.get(lane) ?? 0) / windowS);
    return { phaseId: phase.id, flowVehPerH: Math.max(0, ...flows) * 3600, saturationFlowVehPerH: LANE_SATURATION_VEH_PER_H };
  });
}

export const websterController: Controller = {
  name: 'webster',
  run: (job) =>
    runOverTraci(job, async ({ traci, lights, programs, net }) => {
      const laneLengthM = new Map<string, number>(net.edges.flatMap((edge) => edge.lanes.map((lane): [string, number] => [`${edge.id}_${lane.index}`, lane.lengthM])));
      const timed = await Promise.all(
        lights.map(async (light) => {
          const program = programs.get(light.tlId)!;
          const links = await traci.getControlledLinks(light.tlId);
          const laneLists = mainPhaseLanes(program.phaseSteps.map((steps) => program.steps[steps[0]!]!.state), links);
          return { program, plan: program.plan, laneLists, flowSumVeh: new Map<string, number>(), sinceS: job.cfg.beginS };
        }),
      );
      return async ({ nowS, lanes, trafficLights }) => {
        for (const light of timed) {
          for (const list of light.laneLists) {
            for (const lane of list) {
              const reading = lanes.get(lane);
              const lengthM = laneLengthM.get(lane);
              if (!reading || !lengthM) continue;
              light.flowSumVeh.set(lane, (light.flowSumVeh.get(lane) ?? 0) + (reading.vehicleCount * reading.meanSpeedMps) / lengthM);
            }
          }
          const windowS = nowS - light.sinceS;
          if (windowS < EVERY_CYCLES * light.plan.cycleS) continue;
          const running = trafficLights.get(light.program.tlId);
          if (!running) throw new Error(`light ${light.program.tlId} sent no state this step`);
          light.plan = recommendPlan(light.plan, phaseDemand(light.plan, light.laneLists, light.flowSumVeh, windowS), { keepCycle: true });
          // The new program starts in the step running now and keeps its remaining time, so the switch shows no jump.
          await traci.setProgramLogic(light.program.tlId, retimedLogic(light.program, light.plan, running.phaseIndex));
          await traci.setPhaseDuration(light.program.tlId, Math.max(1, running.nextSwitchS - nowS));
          light.flowSumVeh.clear();
          light.sinceS = nowS;
        }
      };
    }),
};
