import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SignalPlan } from '../../protocol/signals';
import { readSumoNetwork } from './network/read-sumo-network';
import type { SumoSignalProgram } from './network/signal-programs';
import { type SumoProgramShape, planProgram, planProgramId, programState, runningStep, secondsToBoundary } from './sumo-plan-program';
import { stepInterval } from './network/signal-programs';

/**
 * A light of six links: a (G), b (a turn the file only lets yield, g), a
 * footway the city does not carry (green with c), c (G), d (a left the
 * file lets yield with a and protects with c) and e (turns on red, s, while
 * a goes; G with c).
 */
const file: SumoSignalProgram = {
  tlId: 'J',
  programId: '0',
  type: 'static',
  plan: {
    nodeId: 'J',
    version: 1,
    cycleS: 66,
    offsetS: 0,
    phases: [
      { id: 'p1', name: { zh: '1', en: '1' }, movementIds: ['a', 'b', 'd'], greenS: 30, yellowS: 3, allRedS: 0, minGreenS: 5, pedClearanceS: 0 },
      { id: 'p2', name: { zh: '2', en: '2' }, movementIds: ['c', 'd', 'e'], greenS: 30, yellowS: 3, allRedS: 0, minGreenS: 5, pedClearanceS: 0 },
    ],
  },
  movements: [],
  steps: [
    { durationS: 30, state: 'Ggrrgs', minDurS: undefined, maxDurS: undefined },
    { durationS: 3, state: 'yyrrys', minDurS: undefined, maxDurS: undefined },
    { durationS: 30, state: 'rrGGGG', minDurS: undefined, maxDurS: undefined },
    { durationS: 3, state: 'rryyyy', minDurS: undefined, maxDurS: undefined },
  ],
  phaseSteps: [
    [0, 1],
    [2, 3],
  ],
  linkMovementIds: ['a', 'b', null, 'c', 'd', 'e'],
  alsoControlsNodeIds: [],
};

const phase = (movementIds: string[], greenS: number, yellowS: number, allRedS: number) => ({
  id: `p${greenS}`,
  name: { zh: 'p', en: 'p' },
  movementIds,
  greenS,
  yellowS,
  allRedS,
  minGreenS: 5,
  pedClearanceS: 0,
});

describe('planProgram', () => {
  const plan: SignalPlan = { nodeId: 'J', version: 7, cycleS: 40, offsetS: 0, phases: [phase(['c', 'e'], 20, 3, 2), phase(['a', 'b', 'd'], 12, 3, 0), phase(['b', 'c'], 10, 3, 0)] };
  const { logic, shape } = planProgram(plan, file);

  it('gives each phase a green, its yellow and its all-red step, skipping intervals of no time', () => {
    expect(shape.steps).toEqual([
      { durationS: 20, state: 'rrGGrG' },
      { durationS: 3, state: 'rryyry' },
      { durationS: 2, state: 'rrrrrr' },
      { durationS: 12, state: 'Ggrrgs' },
      { durationS: 3, state: 'yyrrys' },
      { durationS: 10, state: 'rgrGrs' },
      { durationS: 3, state: 'ryryrs' },
    ]);
    expect(shape.phaseSteps).toEqual([[0, 1, 2], [3, 4], [5, 6]]);
    expect(shape.isStatic).toBe(true);
  });

  it('keeps the letters of the file phase that serves the same movements: yield, turn on red, footway', () => {
    const greens = shape.phaseSteps.map((indices) => shape.steps[indices[0]!]!.state);
    // b only ever yields; d yields where a goes and is protected where c goes.
    expect(greens.map((state) => state[1])).toEqual(['r', 'g', 'g']);
    expect(greens.map((state) => state[4])).toEqual(['r', 'g', 'r']);
    // e turns on red while a goes, and is held otherwise.
    expect(greens.map((state) => state[5])).toEqual(['G', 's', 's']);
    expect(greens.map((state) => state[2])).toEqual(['G', 'r', 'r']);
  });

  it('makes a static program under the plan’s own id that starts in phase 0', () => {
    expect(logic.programId).toBe(planProgramId(plan));
    expect(logic.programId).toBe('citybrain-v7');
    expect(logic.type).toBe(0);
    expect(logic.currentPhaseIndex).toBe(0);
    expect(logic.phases.map((p) => [p.durationS, p.minDurationS, p.maxDurationS])).toEqual(shape.steps.map((s) => [s.durationS, s.durationS, s.durationS]));
  });

  it('reads a step’s letters as an interval', () => {
    expect(shape.steps.map((step) => stepInterval(step.state))).toEqual(['green', 'yellow', 'all-red', 'green', 'yellow', 'green', 'yellow']);
  });
});

describe('programState, runningStep and secondsToBoundary', () => {
  // A green split over two steps, and a ring whose plan starts at step 1.
  const shape: SumoProgramShape = {
    programId: 'x',
    steps: [
      { durationS: 3, state: 'ry' },
      { durationS: 10, state: 'Gr' },
      { durationS: 5, state: 'Gr' },
      { durationS: 3, state: 'yr' },
      { durationS: 20, state: 'rG' },
    ],
    phaseSteps: [
      [1, 2, 3],
      [4, 0],
    ],
    isStatic: true,
  };

  it('counts the rest of a green split over steps when the program is static, only the step when not', () => {
    expect(programState(shape, 1, 4)).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 9 });
    expect(programState({ ...shape, isStatic: false }, 1, 4)).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 4 });
    expect(programState(shape, 0, 2)).toEqual({ phaseIndex: 1, interval: 'yellow', remainingS: 2 });
    expect(() => programState(shape, 9, 1)).toThrow(RangeError);
  });

  it('takes a step with nothing left as the following one, in full', () => {
    expect(runningStep(shape, 3, 0)).toEqual({ stepIndex: 4, remainingS: 20 });
    expect(runningStep(shape, 0, 0)).toEqual({ stepIndex: 1, remainingS: 10 });
    expect(runningStep(shape, 3, 2)).toEqual({ stepIndex: 3, remainingS: 2 });
  });

  it('finds the cycle boundary at the plan’s first step, not the program’s', () => {
    expect(secondsToBoundary(shape, 4, 7)).toBe(7 + 3);
    expect(secondsToBoundary(shape, 0, 1)).toBe(1);
    // In the boundary step itself: a whole cycle on.
    expect(secondsToBoundary(shape, 1, 10)).toBe(10 + 5 + 3 + 20 + 3);
  });
});

const RESCO_DIR = '/work/shared/resco';
const RESCO_NETS = ['arterial4x4', 'cologne8', 'grid4x4', 'ingolstadt7'];

describe.skipIf(!existsSync(RESCO_DIR))(`planProgram on RESCO's programs (skipped: ${RESCO_DIR} is not on this machine)`, () => {
  it.each(RESCO_NETS)('gives back every green of %s’s own programs when handed their plans', (name) => {
    const network = readSumoNetwork({ netFile: `${RESCO_DIR}/${name}/${name}.net.xml` });
    expect(network.programs.length).toBeGreaterThan(0);
    for (const program of network.programs) {
      const { shape } = planProgram(program.plan, program);
      const greens = (steps: readonly { state: string }[], phaseSteps: readonly (readonly number[])[]) => phaseSteps.map((indices) => steps[indices[0]!]!.state);
      expect(greens(shape.steps, shape.phaseSteps), program.tlId).toEqual(greens(program.steps, program.phaseSteps));
    }
  });
});
