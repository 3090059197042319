import { describe, expect, it } from 'vitest';
import { describeProblem } from './violation-text';
import { twoPhasePlan } from './signal-plan.fixture';

describe('describeProblem', () => {
  const plan = twoPhasePlan();
  plan.phases[1]!.yellowS = 7;

  it('names the phase field and gives the rule limits with the value found', () => {
    const text = describeProblem({ path: 'phases[1].yellowS', rule: 'yellow-range', message: 'yellow must be 3–6 s, got 7' }, plan);
    expect(text).toMatchObject({ field: { kind: 'phase', phaseIndex: 1, field: 'yellowS' }, figures: { min: 3, max: 6, value: 7 } });
  });

  it('takes the minimum green from the phase itself', () => {
    const text = describeProblem({ path: 'phases[0].greenS', rule: 'min-green', message: '' }, plan);
    expect(text.figures).toEqual({ limit: 8, value: 25 });
  });

  it('reads a conflict on a movement as a problem of that phase, keeping the rule words', () => {
    const text = describeProblem({ path: 'phases[0].movementIds[1]', rule: 'conflict', message: 'a crosses b' }, plan);
    expect(text).toMatchObject({ field: { kind: 'phase', phaseIndex: 0, field: 'movementIds' }, detail: 'a crosses b' });
  });

  it('reads plan-wide paths as the plan field, and a movement left unserved as the phases', () => {
    expect(describeProblem({ path: 'cycleS', rule: 'cycle-range', message: '' }, plan)).toMatchObject({
      field: { kind: 'plan', field: 'cycleS' },
      figures: { min: 30, max: 180, value: 60 },
    });
    expect(describeProblem({ path: 'phases', rule: 'movement-served', message: 'x' }, plan).field).toEqual({ kind: 'plan', field: 'phases' });
  });
});
