import { describe, expect, it } from 'vitest';
import type { SumoSignalProgram } from '../../../backend-bridge/sources/sumo/network/signal-programs';
import { mainPhaseLanes, phaseDemand, retimedLogic } from './webster';

const step = (durationS: number, state: string) => ({ durationS, state, minDurS: undefined, maxDurS: undefined });
const phase = (id: string, greenS: number) => ({ id, name: { zh: id, en: id }, movementIds: [], greenS, yellowS: 3, allRedS: 0, minGreenS: 5, pedClearanceS: 0 });

const program: SumoSignalProgram = {
  tlId: 'J',
  programId: '0',
  type: 'static',
  plan: { nodeId: 'J', version: 1, cycleS: 66, offsetS: 0, phases: [phase('a', 30), phase('b', 30)] },
  movements: [],
  steps: [step(20, 'GGr'), step(10, 'GGr'), step(3, 'yyr'), step(30, 'rrG'), step(3, 'rry')],
  phaseSteps: [[0, 1, 2], [3, 4]],
  linkMovementIds: [null, null, null],
  alsoControlsNodeIds: [],
};

describe('webster re-timing', () => {
  it('stretches each phase\'s green steps to the new green and keeps the clearances', () => {
    const plan = { ...program.plan, phases: [phase('a', 45), phase('b', 15)] };
    const logic = retimedLogic(program, plan, 3);
    expect(logic.phases.map((p) => p.durationS)).toEqual([30, 15, 3, 15, 3]);
    expect(logic.phases.map((p) => p.state)).toEqual(program.steps.map((s) => s.state));
    expect(logic.currentPhaseIndex).toBe(3);
  });

  it('counts a shared lane in the phase where most of its links are green', () => {
    const link = (fromLane: string) => [{ fromLane, toLane: 'out_0', viaLane: '' }];
    const links = [link('x_0'), link('x_1'), link('x_1'), link('y_0')];
    expect(mainPhaseLanes(['GGgr', 'rrGr', 'rrrG'], links)).toEqual([['x_0', 'x_1'], [], ['y_0']]);
  });

  it('takes each phase\'s busiest lane as its critical flow, veh/h', () => {
    const demand = phaseDemand(program.plan, [['x_0', 'x_1'], ['y_0']], new Map([['x_0', 30], ['x_1', 60], ['y_0', 0]]), 360);
    expect(demand).toEqual([
      { phaseId: 'a', flowVehPerH: 600, saturationFlowVehPerH: 1800 },
      { phaseId: 'b', flowVehPerH: 0, saturationFlowVehPerH: 1800 },
    ]);
  });
});
