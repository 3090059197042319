/**
 * Traffic-light programs and controlled links as TraCI carries them, between
 * the typed-value tree the codec reads and plain objects. A program is checked
 * once here before it goes to SUMO, so a bad one fails with a sentence rather
 * than SUMO's generic refusal.
 */
import { type TraciValue, asCompound as compound, asDouble as double, asInt as int, asString as string, asStringList as stringList } from './traci-codec';

/** One phase of a program. */
export interface TrafficLightPhase {
  /** Planned duration, in seconds. */
  durationS: number;
  /** One signal character per controlled link (`r`, `y`, `g`, `G`, `s`, `u`, `o`, `O`). */
  state: string;
  /** Shortest duration an actuated program may give it, in seconds; equals `durationS` for a static one. */
  minDurationS: number;
  /** Longest duration an actuated program may give it, in seconds. */
  maxDurationS: number;
  /** Indices of the phases that may follow; empty means the next one in order. */
  next: number[];
  name: string;
}

/** One program (SUMO's `tlLogic`). */
export interface TrafficLightLogic {
  programId: string;
  /** SUMO's TrafficLightType: 0 static, 3 actuated, 5 delay based… */
  type: number;
  currentPhaseIndex: number;
  phases: TrafficLightPhase[];
  /** The program's `<param>` entries. */
  parameters: Record<string, string>;
}

/** The lanes one link index of a light connects. */
export interface ControlledLink {
  fromLane: string;
  toLane: string;
  /** The internal lane across the junction; empty when the net has none. */
  viaLane: string;
}

const SIGNAL_STATE = /^[rRyYgGsuoO]+$/;

/** Decodes `getAllProgramLogics`' answer: a compound of programs. */
export function decodeLogics(value: TraciValue): TrafficLightLogic[] {
  return compound(value, 'program list').map((item) => {
    const [programId, type, currentPhaseIndex, phases, parameters] = compound(item, 'program', 5);
    return {
      programId: string(programId),
      type: int(type),
      currentPhaseIndex: int(currentPhaseIndex),
      phases: compound(phases, 'phase list').map(decodePhase),
      parameters: Object.fromEntries(
        compound(parameters, 'parameter list').map((entry) => {
          const pair = stringList(entry);
          if (pair.length !== 2) throw new Error(`TraCI program parameter has ${pair.length} strings, not a key and a value`);
          return [pair[0], pair[1]];
        }),
      ),
    };
  });
}

function decodePhase(value: TraciValue): TrafficLightPhase {
  const [durationS, state, minDurationS, maxDurationS, next, name] = compound(value, 'phase', 6);
  return {
    durationS: double(durationS),
    state: string(state),
    minDurationS: double(minDurationS),
    maxDurationS: double(maxDurationS),
    next: compound(next, 'next phases').map(int),
    name: string(name),
  };
}

/** Encodes a program for `setProgramLogic`, after checking it. */
export function encodeLogic(logic: TrafficLightLogic): TraciValue {
  checkLogic(logic);
  return {
    type: 'compound',
    value: [
      { type: 'string', value: logic.programId },
      { type: 'int', value: logic.type },
      { type: 'int', value: logic.currentPhaseIndex },
      {
        type: 'compound',
        value: logic.phases.map((phase) => ({
          type: 'compound',
          value: [
            { type: 'double', value: phase.durationS },
            { type: 'string', value: phase.state },
            { type: 'double', value: phase.minDurationS },
            { type: 'double', value: phase.maxDurationS },
            { type: 'compound', value: phase.next.map((index) => ({ type: 'int', value: index })) },
            { type: 'string', value: phase.name },
          ],
        })),
      },
      {
        type: 'compound',
        value: Object.entries(logic.parameters).map(([key, text]) => ({ type: 'stringList', value: [key, text] })),
      },
    ],
  };
}

function checkLogic(logic: TrafficLightLogic): void {
  const where = `program "${logic.programId}"`;
  if (!logic.programId) throw new Error('traffic-light program: programId is empty');
  if (logic.phases.length === 0) throw new Error(`${where}: has no phases`);
  if (!Number.isInteger(logic.currentPhaseIndex) || logic.currentPhaseIndex < 0 || logic.currentPhaseIndex >= logic.phases.length) {
    throw new Error(`${where}: currentPhaseIndex ${logic.currentPhaseIndex} is not one of its ${logic.phases.length} phases`);
  }
  const linkCount = logic.phases[0]?.state.length ?? 0;
  logic.phases.forEach((phase, index) => {
    const at = `${where} phase ${index}`;
    if (!SIGNAL_STATE.test(phase.state)) throw new Error(`${at}: state "${phase.state}" is not a string of signal characters rRyYgGsuoO`);
    if (phase.state.length !== linkCount) throw new Error(`${at}: state has ${phase.state.length} signals, phase 0 has ${linkCount}`);
    for (const [name, seconds] of [['durationS', phase.durationS], ['minDurationS', phase.minDurationS], ['maxDurationS', phase.maxDurationS]] as const) {
      if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${at}: ${name} ${seconds} is not a positive number of seconds`);
    }
    for (const next of phase.next) {
      if (!Number.isInteger(next) || next < 0 || next >= logic.phases.length) throw new Error(`${at}: next phase ${next} does not exist`);
    }
  });
}

/**
 * Decodes `getControlledLinks`' answer, indexed by link index. The compound
 * is flat: the number of link indices, then for each the number of its links
 * and that many [from, to, via] lane triples.
 */
export function decodeControlledLinks(value: TraciValue): ControlledLink[][] {
  const items = compound(value, 'controlled links');
  let cursor = 0;
  const nextItem = () => {
    const item = items[cursor++];
    if (!item) throw new Error('TraCI controlled links end early');
    return item;
  };
  return Array.from({ length: int(nextItem()) }, () =>
    Array.from({ length: int(nextItem()) }, () => {
      const [fromLane = '', toLane = '', viaLane = ''] = stringList(nextItem());
      return { fromLane, toLane, viaLane };
    }),
  );
}
