import { describe, expect, it } from 'vitest';
import type { SumoSignalProgram } from '../network/signal-programs';
import { FALLBACK_YELLOW_S, clearingState, lanesOf, lightModel } from './light-phases';

const link = (fromLane: string, toLane: string) => [{ fromLane, toLane, viaLane: '' }];
const links = [link('n_0', 's_0'), link('n_0', 'e_0'), link('w_0', 'e_0'), link('w_0', 's_0')];

/** A program as the bridge's folder gives it: two greens shown twice, one yellow missing. */
function program(): SumoSignalProgram {
  const phase = (greenS: number, yellowS: number) => ({ id: `p${greenS}`, name: { zh: '', en: '' }, movementIds: [], greenS, yellowS, allRedS: 2, minGreenS: 5, pedClearanceS: 0 });
  return {
    tlId: 'J',
    programId: '0',
    type: 'static',
    plan: { nodeId: 'J', version: 1, cycleS: 60, offsetS: 0, phases: [phase(20, 4), phase(10, 0), phase(20, 4)] },
    movements: [],
    steps: [
      { durationS: 20, state: 'GgrR', minDurS: undefined, maxDurS: undefined },
      { durationS: 4, state: 'yyrr', minDurS: undefined, maxDurS: undefined },
      { durationS: 10, state: 'rrGG', minDurS: undefined, maxDurS: undefined },
      { durationS: 20, state: 'GGrr', minDurS: undefined, maxDurS: undefined },
    ],
    phaseSteps: [[0, 1], [2], [3]],
    linkMovementIds: [null, null, null, null],
    alsoControlsNodeIds: [],
  };
}

describe('light model', () => {
  it('keeps each distinct green once, with what it lets go and its clearance', () => {
    const light = lightModel(program(), links)!;
    expect(light.phases.map((p) => p.greenState)).toEqual(['GgrR', 'rrGG']);
    expect(light.phases.map((p) => p.planPhaseIndex)).toEqual([0, 1]);
    // n_0 has both its links green in the first phase; w_0 one of its two in the second.
    expect(light.phases[0]!.movements).toEqual(new Map([['n_0', { outLanes: ['s_0', 'e_0'], linkShare: 1 }]]));
    expect(lightModel(program(), [...links.slice(0, 3), link('w_1', 's_0')])!.phases[1]!.movements.get('w_0')).toEqual({ outLanes: ['e_0'], linkShare: 1 });
    expect(light.phases[1]).toMatchObject({ minGreenS: 5, yellowS: 4, allRedS: 2 });
    expect([...lanesOf(light)].sort()).toEqual(['e_0', 'n_0', 's_0', 'w_0']);
  });

  it('counts a lane by the share of its links a phase shows green', () => {
    const shared = lightModel({ ...program(), steps: program().steps.map((step, i) => (i === 2 ? { ...step, state: 'rrGr' } : step)) }, links)!;
    expect(shared.phases[1]!.movements.get('w_0')).toEqual({ outLanes: ['e_0'], linkShare: 0.5 });
  });

  it('falls back to a default yellow when the program has none', () => {
    const noYellow = program();
    noYellow.plan.phases = noYellow.plan.phases.map((p) => ({ ...p, yellowS: 0 }));
    expect(lightModel(noYellow, links)!.phases[0]!.yellowS).toBe(FALLBACK_YELLOW_S);
  });

  it('refuses links that do not match the program', () => {
    expect(() => lightModel(program(), links.slice(1))).toThrow(/controls 3 link indices, its program's states have 4/);
  });

  it('clears only the links that lose their green: yellow, then red', () => {
    expect(clearingState('GgrsG', 'rrGsG', 'yellow')).toBe('yyrsG');
    expect(clearingState('GgrsG', 'rrGsG', 'all-red')).toBe('rrrsG');
  });
});
