/**
 * Between the bridge's signal plans and SUMO programs, both ways.
 *
 * A plan becomes a static program of one green step per phase, then its
 * yellow step (y where the phase's green was) and its all-red step (r
 * everywhere) where the plan gives them time. Each plan phase is read
 * against the file program's phase that greens the most of the same
 * movements, and keeps its letters where the plan agrees: a served link
 * the file lets yield there (`g`, a permitted left) stays `g`, a held link
 * the file lets turn on red there (`s`) stays `s`, and links the city model
 * does not carry (footways, bike paths: the plan cannot say when they go)
 * show what the file shows. A served link that phase does not green is `G`,
 * or `g` where the file never gives it priority.
 *
 * Back from SUMO: a program step, and the time left in it, is a plan
 * phase, interval and the seconds until that interval ends.
 */
import type { SignalInterval, SignalPlan, SignalState } from '../../protocol/signals';
import { type SumoSignalProgram, stepInterval } from './network/signal-programs';
import type { TrafficLightLogic } from './traci';

/** SUMO's TrafficLightType for a static (fixed-time) program. */
const STATIC_PROGRAM_TYPE = 0;

/** A program as far as its state is read: its steps and which plan phase each belongs to. */
export interface SumoProgramShape {
  programId: string;
  steps: readonly { durationS: number; state: string }[];
  /** For each plan phase, the indices into `steps` it is made of, in order. */
  phaseSteps: readonly (readonly number[])[];
  /** Whether every step runs its duration; an actuated program's later steps have no known length. */
  isStatic: boolean;
}

/** The id a bridge plan's program has in SUMO. */
export const planProgramId = (plan: SignalPlan): string => `citybrain-v${plan.version}`;

/** The file's program as a shape. */
export function fileProgramShape(file: SumoSignalProgram): SumoProgramShape {
  return { programId: file.programId, steps: file.steps, phaseSteps: file.phaseSteps, isStatic: file.type === 'static' };
}

/** The program that runs `plan` at the light of `file`; its steps in the plan's order, phase 0's green first. */
export function planProgram(plan: SignalPlan, file: SumoSignalProgram): { logic: TrafficLightLogic; shape: SumoProgramShape } {
  const linkCount = file.linkMovementIds.length;
  const yieldingOnly = Array.from({ length: linkCount }, (_, link) => {
    const letters = file.steps.map((step) => step.state[link]);
    return letters.includes('g') && !letters.includes('G');
  });
  const steps: { durationS: number; state: string }[] = [];
  const phaseSteps: number[][] = [];
  for (const phase of plan.phases) {
    const served = new Set(phase.movementIds);
    const like = fileGreenLike(file, served);
    const green = Array.from({ length: linkCount }, (_, link) => {
      const movement = file.linkMovementIds[link];
      const fileLetter = like[link] ?? 'r';
      if (movement === null || movement === undefined) return fileLetter;
      if (!served.has(movement)) return fileLetter === 's' ? 's' : 'r';
      if (fileLetter === 'G' || fileLetter === 'g') return fileLetter;
      return yieldingOnly[link] ? 'g' : 'G';
    }).join('');
    const indices = [steps.length];
    steps.push({ durationS: phase.greenS, state: green });
    if (phase.yellowS > 0) {
      indices.push(steps.length);
      steps.push({ durationS: phase.yellowS, state: green.replace(/[Gg]/g, 'y') });
    }
    if (phase.allRedS > 0) {
      indices.push(steps.length);
      steps.push({ durationS: phase.allRedS, state: 'r'.repeat(linkCount) });
    }
    phaseSteps.push(indices);
  }
  const programId = planProgramId(plan);
  const logic: TrafficLightLogic = {
    programId,
    type: STATIC_PROGRAM_TYPE,
    currentPhaseIndex: 0,
    phases: steps.map((step, i) => ({ durationS: step.durationS, state: step.state, minDurationS: step.durationS, maxDurationS: step.durationS, next: [], name: `step ${i}` })),
    parameters: { planVersion: String(plan.version) },
  };
  return { logic, shape: { programId, steps, phaseSteps, isStatic: true } };
}

/** The green step of the file's phase that serves the most of `served` (on a tie, the one serving fewest others). */
function fileGreenLike(file: SumoSignalProgram, served: ReadonlySet<string>): string {
  let best = 0;
  let bestShared = -1;
  let bestOthers = Infinity;
  file.plan.phases.forEach((phase, i) => {
    const shared = phase.movementIds.filter((id) => served.has(id)).length;
    const others = phase.movementIds.length - shared;
    if (shared > bestShared || (shared === bestShared && others < bestOthers)) [best, bestShared, bestOthers] = [i, shared, others];
  });
  const greenStep = file.phaseSteps[best]![0]!;
  return file.steps[greenStep]!.state;
}

/**
 * The step SUMO runs from now on. A light read after a step still shows the
 * step that ran during it; at its next switch (nothing left of it) SUMO
 * enters the following step before it moves any vehicle, so that one is
 * what runs now, for its full duration.
 */
export function runningStep(shape: SumoProgramShape, stepIndex: number, stepRemainingS: number): { stepIndex: number; remainingS: number } {
  if (stepRemainingS > SWITCH_EPSILON_S) return { stepIndex, remainingS: stepRemainingS };
  const next = (stepIndex + 1) % shape.steps.length;
  return { stepIndex: next, remainingS: shape.steps[next]!.durationS };
}

/** Sim-time rounding SUMO's next switch may carry, seconds. */
const SWITCH_EPSILON_S = 1e-6;

/**
 * The plan state SUMO runs: in step `stepIndex` of `shape` (see
 * `runningStep`), with `stepRemainingS` left of it. Within a phase, following steps of the same
 * interval (a green split in two, say) count towards the time left when
 * the program is static. Throws RangeError for a step the shape lacks.
 */
export function programState(shape: SumoProgramShape, stepIndex: number, stepRemainingS: number): SignalState {
  const step = shape.steps[stepIndex];
  if (!step) throw new RangeError(`program ${shape.programId} has no step ${stepIndex}`);
  const phaseIndex = shape.phaseSteps.findIndex((indices) => indices.includes(stepIndex));
  if (phaseIndex < 0) throw new RangeError(`program ${shape.programId}: step ${stepIndex} belongs to no phase`);
  const interval = stepInterval(step.state);
  let remainingS = Math.max(0, stepRemainingS);
  if (shape.isStatic) {
    const indices = shape.phaseSteps[phaseIndex]!;
    for (let k = indices.indexOf(stepIndex) + 1; k < indices.length; k++) {
      const later = shape.steps[indices[k]!]!;
      if (stepInterval(later.state) !== interval) break;
      remainingS += later.durationS;
    }
  }
  return { phaseIndex, interval, remainingS };
}

/**
 * Seconds until the program next enters plan phase 0's first step (the
 * cycle boundary), from step `stepIndex` with `stepRemainingS` left; the
 * steps in between run their durations (exact for a static program).
 */
export function secondsToBoundary(shape: SumoProgramShape, stepIndex: number, stepRemainingS: number): number {
  const first = shape.phaseSteps[0]![0]!;
  const n = shape.steps.length;
  let seconds = Math.max(0, stepRemainingS);
  for (let step = (stepIndex + 1) % n; step !== first; step = (step + 1) % n) seconds += shape.steps[step]!.durationS;
  return seconds;
}
