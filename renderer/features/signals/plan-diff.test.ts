import { describe, expect, it } from 'vitest';
import { diffPlans } from './plan-diff';
import { twoPhasePlan } from './signal-plan.fixture';

describe('diffPlans', () => {
  it('finds nothing between a plan and itself', () => {
    expect(diffPlans(twoPhasePlan(), twoPhasePlan())).toEqual([]);
  });

  it('lists each changed field as before and after, cycle and offset first', () => {
    const after = twoPhasePlan({ cycleS: 65, offsetS: 10 });
    after.phases[1]!.greenS = 30;
    after.phases[1]!.yellowS = 4;
    expect(diffPlans(twoPhasePlan(), after)).toEqual([
      { kind: 'plan', field: 'cycleS', before: 60, after: 65 },
      { kind: 'plan', field: 'offsetS', before: 0, after: 10 },
      { kind: 'phase-time', phaseIndex: 1, phaseId: 'ew', field: 'greenS', before: 25, after: 30 },
      { kind: 'phase-time', phaseIndex: 1, phaseId: 'ew', field: 'yellowS', before: 3, after: 4 },
    ]);
  });

  it('compares movements as sets, ignoring their order', () => {
    const reordered = twoPhasePlan();
    reordered.phases[0]!.movementIds = ['l-s>l-n', 'l-n>l-s'];
    expect(diffPlans(twoPhasePlan(), reordered)).toEqual([]);
    const moved = twoPhasePlan();
    moved.phases[0]!.movementIds = ['l-n>l-s'];
    expect(diffPlans(twoPhasePlan(), moved)).toEqual([
      { kind: 'phase-movements', phaseIndex: 0, phaseId: 'ns', before: ['l-n>l-s', 'l-s>l-n'], after: ['l-n>l-s'] },
    ]);
  });

  it('reports a phase only one plan has', () => {
    const shorter = twoPhasePlan({ cycleS: 30 });
    shorter.phases.pop();
    expect(diffPlans(twoPhasePlan(), shorter)).toContainEqual({ kind: 'phase', phaseIndex: 1, before: 'ew', after: null });
  });
});
