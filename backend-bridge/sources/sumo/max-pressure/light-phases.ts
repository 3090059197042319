/**
 * A traffic light as our controllers see it: the distinct green phases of the
 * network's own program (its timing read by the bridge's program folder, so
 * minimum greens and clearances follow one rule), what each phase lets go
 * (incoming lane → outgoing lanes), and the signal strings shown while a
 * phase is green and while the light clears towards another.
 *
 * Only G and g count as green: `s`, `o`, `u` and red let nobody enter on
 * their own, and RESCO programs hold steps with no green at all.
 */
import type { SignalPhase } from '../../../protocol/signals';
import type { ControlledLink } from '../traci';

/** Yellow when the program shows none after a green, seconds: SUMO's own default for the lights it builds. */
export const FALLBACK_YELLOW_S = 3;

export interface LightPhase {
  /** The first phase of the program's plan that shows this green. */
  planPhaseIndex: number;
  /** The program's signal string for this green, one letter per link index. */
  greenState: string;
  minGreenS: number;
  pedClearanceS: number;
  /** Clearance after this green, seconds. */
  yellowS: number;
  allRedS: number;
  /** Incoming lane → what this green lets it do. */
  movements: Map<string, LaneMovement>;
}

/** What one incoming lane may do on a green. */
export interface LaneMovement {
  /** The outgoing lanes it may reach. */
  outLanes: string[];
  /**
   * The share of the lane's links that are green (0–1]: the share of its
   * vehicles that may go, their turns not being known. A shared lane whose
   * left turn alone has a protected green must not count whole there, or a
   * queue headed straight would hold that green for ever.
   */
  linkShare: number;
}

/**
 * A program as the model reads it: the network's own (a SumoSignalProgram)
 * or a bridge plan's (its plan and program shape).
 */
export interface LightProgram {
  tlId: string;
  plan: { phases: readonly Pick<SignalPhase, 'minGreenS' | 'pedClearanceS' | 'yellowS' | 'allRedS'>[] };
  steps: readonly { state: string }[];
  /** For each plan phase, the indices into `steps` it is made of, in order. */
  phaseSteps: readonly (readonly number[])[];
}

export interface LightModel {
  tlId: string;
  phases: LightPhase[];
}

const isGreen = (signal: string | undefined): boolean => signal === 'G' || signal === 'g';
const greenPattern = (state: string): string => state.replace(/[^Gg]/g, 'r').replace(/g/g, 'G');

/**
 * The light's distinct green phases in program order (a green shown twice in
 * the program, as RESCO's grids do, is one phase). Returns null when no
 * phase has a green link: such a light is left to SUMO.
 */
export function lightModel(program: LightProgram, links: readonly (readonly ControlledLink[])[]): LightModel | null {
  const { tlId, plan, steps, phaseSteps } = program;
  const width = steps[0]?.state.length ?? 0;
  if (links.length !== width) {
    throw new Error(`light ${tlId}: SUMO controls ${links.length} link indices, its program's states have ${width}`);
  }
  const programYellowS = Math.max(0, ...plan.phases.map((phase) => phase.yellowS));
  const seen = new Set<string>();
  const phases: LightPhase[] = [];
  plan.phases.forEach((phase, index) => {
    const greenState = steps[phaseSteps[index]![0]!]!.state;
    const pattern = greenPattern(greenState);
    if (!pattern.includes('G') || seen.has(pattern)) return;
    seen.add(pattern);
    phases.push({
      planPhaseIndex: index,
      greenState,
      minGreenS: phase.minGreenS,
      pedClearanceS: phase.pedClearanceS,
      yellowS: phase.yellowS > 0 ? phase.yellowS : programYellowS > 0 ? programYellowS : FALLBACK_YELLOW_S,
      allRedS: phase.allRedS,
      movements: movementsOf(greenState, links),
    });
  });
  return phases.length > 0 ? { tlId, phases } : null;
}

/** What each incoming lane may do on the links a signal string shows green. */
function movementsOf(greenState: string, links: readonly (readonly ControlledLink[])[]): Map<string, LaneMovement> {
  const linksOfLane = new Map<string, number>();
  for (const linksAtIndex of links) for (const { fromLane } of linksAtIndex) linksOfLane.set(fromLane, (linksOfLane.get(fromLane) ?? 0) + 1);
  const movements = new Map<string, LaneMovement>();
  links.forEach((linksAtIndex, index) => {
    if (!isGreen(greenState[index])) return;
    for (const { fromLane, toLane } of linksAtIndex) {
      const movement = movements.get(fromLane) ?? { outLanes: [], linkShare: 0 };
      if (!movement.outLanes.includes(toLane)) movement.outLanes.push(toLane);
      movement.linkShare += 1 / linksOfLane.get(fromLane)!;
      movements.set(fromLane, movement);
    }
  });
  return movements;
}

/** Every lane a light's phases read: incoming and outgoing. */
export function lanesOf(light: LightModel): Set<string> {
  const lanes = new Set<string>();
  for (const phase of light.phases) {
    for (const [inLane, { outLanes }] of phase.movements) {
      lanes.add(inLane);
      for (const lane of outLanes) lanes.add(lane);
    }
  }
  return lanes;
}

/**
 * The signals while the light leaves green `from` for green `to`: a link
 * green in both keeps its green (it has no conflict to clear); a link green
 * now and not next shows yellow, then red in the all-red; every other link
 * keeps what `from` shows it.
 */
export function clearingState(from: string, to: string, interval: 'yellow' | 'all-red'): string {
  let state = '';
  for (let i = 0; i < from.length; i++) {
    const now = from[i]!;
    if (!isGreen(now) || isGreen(to[i])) state += now;
    else state += interval === 'yellow' ? 'y' : 'r';
  }
  return state;
}

/** The index of the light's phase that greens the links `state` greens; -1 where none does (a clearing step, another program). */
export function phaseShowing(light: LightModel, state: string): number {
  const pattern = greenPattern(state);
  return light.phases.findIndex((phase) => greenPattern(phase.greenState) === pattern);
}
