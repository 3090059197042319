/**
 * SUMO traffic-light programs as the city's signal plans.
 *
 * A `<tlLogic>` is a ring of steps, each a duration and a state string with
 * one letter per link index (G/g green, y yellow, r red; u, s, o, O count as
 * no green). A plan phase is a run of steps: its green steps (consecutive
 * steps with the same green links are one green), then the yellow steps
 * (any step showing y), then the red-only steps (all-red). The ring is read
 * from its first green so that no phase starts with a yellow; the plan's
 * offset moves by as much, so phase 0 still starts when SUMO's program
 * reaches that step (SUMO starts step 0 at its `offset` seconds of sim time).
 *
 * Movements come from the `<connection tl= linkIndex=>` entries: from edge
 * → to edge, the turn from `dir`. Several lanes of one movement share the
 * movement. Links to or from an edge the city leaves out (footways) have no
 * movement. The raw steps and the link-index → movement table are kept: a
 * SUMO program is applied later by its state strings.
 */
import type { Movement, SignalInterval, SignalPhase, SignalPlan, Turn } from '../../../protocol/signals';
import { movementId, positiveModulo } from '../../../protocol/signals';
import type { EntityIds } from './entity-ids';
import type { NetFile, NetPhase, NetTlLogic } from './net-xml';

/** A phase's shortest green when the program gives no minDur (a static program), seconds; never above its green. */
export const DEFAULT_MIN_GREEN_S = 5;
/** The plan schema's ceiling on a minimum green, seconds. */
const MAX_MIN_GREEN_S = 120;

export interface SumoSignalProgram {
  /** SUMO's traffic-light id, as TraCI names it. */
  tlId: string;
  programId: string;
  /** SUMO's program type: static, actuated, delay_based, … */
  type: string;
  plan: SignalPlan;
  /** The movements of the plan's node that this program controls. */
  movements: Movement[];
  /** The program's steps exactly as in the file. */
  steps: NetPhase[];
  /** For each plan phase, the indices into `steps` it was folded from, in order. */
  phaseSteps: number[][];
  /** For each link index of the state strings, its movement id, or null for a link the city model does not carry. */
  linkMovementIds: (string | null)[];
  /** Further junctions the same program controls (a joined traffic light), city node ids. */
  alsoControlsNodeIds: string[];
}

export interface SignalProgramsResult {
  programs: SumoSignalProgram[];
  warnings: string[];
}

const TURN_OF_DIR: Record<string, Turn> = { s: 'through', l: 'left', L: 'left', r: 'right', R: 'right', t: 'uturn' };

export function readSignalPrograms(net: NetFile, nodeIds: EntityIds, linkIds: EntityIds): SignalProgramsResult {
  const edgeEnd = new Map(net.edges.map((edge) => [edge.id, edge.to]));
  const warnings: string[] = [];
  const programs: SumoSignalProgram[] = [];
  const connectionsByTl = new Map<string, NetFile['connections']>();
  for (const connection of net.connections) {
    if (connection.tl === undefined || connection.linkIndex === undefined) continue;
    const list = connectionsByTl.get(connection.tl) ?? [];
    list.push(connection);
    connectionsByTl.set(connection.tl, list);
  }

  // SUMO starts the program it loaded last for a traffic light; the others are alternatives a WAUT or TraCI may switch to.
  const active = new Map(net.tlLogics.map((tl) => [tl.id, tl]));
  for (const tl of net.tlLogics) {
    if (active.get(tl.id) !== tl) warnings.push(`tlLogic ${tl.id}: program ${tl.programId} is not the one SUMO starts with; only program ${active.get(tl.id)!.programId} is read`);
  }
  for (const tl of active.values()) {
    const connections = connectionsByTl.get(tl.id) ?? [];
    const junctions = rankJunctions(connections.map((c) => edgeEnd.get(c.from)).filter((j): j is string => j !== undefined));
    if (junctions.length === 0) {
      warnings.push(`tlLogic ${tl.id}: controls no connection; left out`);
      continue;
    }
    const width = Math.max(...tl.phases.map((phase) => phase.state.length));
    const linkMovementIds: (string | null)[] = new Array<string | null>(width).fill(null);
    const movements = new Map<string, Movement>();
    for (const c of connections) {
      if (c.linkIndex! >= width || !linkIds.has(c.from) || !linkIds.has(c.to)) continue;
      const inLinkId = linkIds.idFor(c.from);
      const outLinkId = linkIds.idFor(c.to);
      const id = movementId(inLinkId, outLinkId);
      if (!movements.has(id)) movements.set(id, { id, inLinkId, outLinkId, turn: TURN_OF_DIR[c.dir] ?? 'through' });
      linkMovementIds[c.linkIndex!] = id;
    }
    const nodeId = nodeIds.idFor(junctions[0]!);
    const folded = foldPhases(tl, linkMovementIds, nodeId);
    if (!folded) {
      warnings.push(`tlLogic ${tl.id}: no step shows green; left out`);
      continue;
    }
    programs.push({
      tlId: tl.id,
      programId: tl.programId,
      type: tl.type,
      plan: folded.plan,
      movements: [...movements.values()],
      steps: tl.phases,
      phaseSteps: folded.phaseSteps,
      linkMovementIds,
      alsoControlsNodeIds: junctions.slice(1).map((j) => nodeIds.idFor(j)),
    });
  }
  return { programs, warnings };
}

/** Distinct junctions, the one with the most controlled links first. */
function rankJunctions(ends: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const end of ends) counts.set(end, (counts.get(end) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([junction]) => junction);
}

/** The plan interval a SUMO state string shows: any yellow makes it a yellow, else any green a green, else an all-red. */
export const stepInterval = (state: string): SignalInterval => (/[yY]/.test(state) ? 'yellow' : /[Gg]/.test(state) ? 'green' : 'all-red');
const greenLinks = (state: string): string => state.replace(/[Gg]/g, 'G').replace(/[^G]/g, 'r');

interface PhaseDraft {
  steps: number[];
  greenState: string;
  greenS: number;
  yellowS: number;
  allRedS: number;
  minGreenS: number | undefined;
  closed: boolean;
}

function foldPhases(tl: NetTlLogic, linkMovementIds: readonly (string | null)[], nodeId: string): { plan: SignalPlan; phaseSteps: number[][] } | null {
  const steps = tl.phases;
  const n = steps.length;
  const startsGreen = (i: number) => {
    const step = steps[i]!;
    if (stepInterval(step.state) !== 'green') return false;
    const previous = steps[(i - 1 + n) % n]!;
    return n === 1 || stepInterval(previous.state) !== 'green' || greenLinks(previous.state) !== greenLinks(step.state);
  };
  let first = -1;
  for (let i = 0; i < n && first < 0; i++) if (startsGreen(i)) first = i;
  if (first < 0) return null;

  const drafts: PhaseDraft[] = [];
  for (let k = 0; k < n; k++) {
    const index = (first + k) % n;
    const step = steps[index]!;
    const kind = stepInterval(step.state);
    const current = drafts[drafts.length - 1];
    if (kind === 'green' && (!current || current.closed || current.greenState !== greenLinks(step.state))) {
      drafts.push({ steps: [index], greenState: greenLinks(step.state), greenS: step.durationS, yellowS: 0, allRedS: 0, minGreenS: step.minDurS, closed: false });
      continue;
    }
    current!.steps.push(index);
    if (kind === 'green') {
      current!.greenS += step.durationS;
      current!.minGreenS = current!.minGreenS === undefined || step.minDurS === undefined ? undefined : current!.minGreenS + step.minDurS;
    } else {
      current!.closed = true;
      if (kind === 'yellow') current!.yellowS += step.durationS;
      else current!.allRedS += step.durationS;
    }
  }

  const cycleS = steps.reduce((sum, step) => sum + step.durationS, 0);
  const skippedS = steps.slice(0, first).reduce((sum, step) => sum + step.durationS, 0);
  const phases = drafts.map((draft, i): SignalPhase => {
    const movementIds = new Set<string>();
    for (let link = 0; link < draft.greenState.length; link++) {
      const id = linkMovementIds[link];
      if (draft.greenState[link] === 'G' && id) movementIds.add(id);
    }
    return {
      id: `p${i + 1}`,
      name: { zh: `相位 ${i + 1}`, en: `Phase ${i + 1}` },
      movementIds: [...movementIds],
      greenS: draft.greenS,
      yellowS: draft.yellowS,
      allRedS: draft.allRedS,
      minGreenS: Math.min(draft.minGreenS ?? Math.min(draft.greenS, DEFAULT_MIN_GREEN_S), MAX_MIN_GREEN_S),
      pedClearanceS: 0,
    };
  });
  return {
    plan: { nodeId, version: 1, cycleS, offsetS: cycleS > 0 ? positiveModulo(tl.offsetS + skippedS, cycleS) : 0, phases },
    phaseSteps: drafts.map((draft) => draft.steps),
  };
}
