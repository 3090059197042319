import { describe, expect, it } from 'vitest';
import { editDraft, evaluateDraft, loadIntoDraft, phasePath, planLevelProblems, problemsAt, startDraft } from './plan-draft';
import { TWO_PHASE_BEARINGS, TWO_PHASE_MOVEMENTS, twoPhasePlan } from './signal-plan.fixture';

const node = { movements: TWO_PHASE_MOVEMENTS, bearings: TWO_PHASE_BEARINGS };

describe('plan draft', () => {
  it('makes the base plan back, with no problems, before any edit', () => {
    const outcome = evaluateDraft(startDraft(twoPhasePlan()), node);
    expect(outcome).toEqual({ plan: twoPhasePlan(), problems: [] });
  });

  it('lets the cycle follow the sum of the phases as a green is edited', () => {
    const draft = editDraft(startDraft(twoPhasePlan()), phasePath(1, 'greenS'), '31.5');
    const { plan, problems } = evaluateDraft(draft, node);
    expect(problems).toEqual([]);
    expect(plan?.phases[1]?.greenS).toBe(31.5);
    expect(plan?.cycleS).toBe(66.5);
  });

  it('names the field and the rule when a green falls below the minimum green and the pedestrian clearance', () => {
    const draft = editDraft(startDraft(twoPhasePlan()), phasePath(0, 'greenS'), '5');
    const outcome = evaluateDraft(draft, node);
    expect(problemsAt(outcome, 'phases[0].greenS').map((p) => p.rule)).toEqual(['min-green', 'ped-clearance']);
    expect(problemsAt(outcome, 'phases[1].greenS')).toEqual([]);
  });

  it('refuses text that is not a number of seconds, without building a plan', () => {
    for (const text of ['', 'abc', '-3', '12s']) {
      const outcome = evaluateDraft(editDraft(startDraft(twoPhasePlan()), phasePath(0, 'yellowS'), text), node);
      expect(outcome.plan).toBeNull();
      expect(outcome.problems).toEqual([{ path: 'phases[0].yellowS', rule: 'number', message: expect.stringContaining('number') }]);
    }
  });

  it('flags a phase serving a movement the node does not have, when the movements are known', () => {
    const plan = twoPhasePlan();
    plan.phases[0]!.movementIds = [...plan.phases[0]!.movementIds, 'l-x>l-y'];
    expect(evaluateDraft(startDraft(plan), node).problems.map((p) => [p.path, p.rule])).toEqual([['phases[0].movementIds[2]', 'unknown-movement']]);
  });

  it('leaves the movement rules to the bridge while the node\'s movements are not known, and still checks the times', () => {
    const plan = twoPhasePlan();
    plan.phases[0]!.movementIds = [...plan.phases[0]!.movementIds, 'l-x>l-y'];
    const draft = editDraft(startDraft(plan), phasePath(1, 'yellowS'), '9');
    expect(evaluateDraft(draft, { movements: null, bearings: TWO_PHASE_BEARINGS }).problems.map((p) => p.rule)).toEqual(['yellow-range']);
  });

  it('accepts a decimal comma', () => {
    const outcome = evaluateDraft(editDraft(startDraft(twoPhasePlan()), phasePath(0, 'yellowS'), '3,5'), node);
    expect(outcome.plan?.phases[0]?.yellowS).toBe(3.5);
  });

  it('keeps problems without an editable field apart, such as a cycle out of range', () => {
    let draft = startDraft(twoPhasePlan());
    draft = editDraft(draft, phasePath(0, 'greenS'), '100');
    draft = editDraft(draft, phasePath(1, 'greenS'), '100');
    const outcome = evaluateDraft(draft, node);
    expect(planLevelProblems(outcome).map((p) => [p.path, p.rule])).toEqual([['cycleS', 'cycle-range']]);
  });

  it('loads another plan of the same phases into the fields, e.g. a recommendation', () => {
    const recommended = twoPhasePlan({ cycleS: 70 });
    recommended.phases[0]!.greenS = 35;
    const draft = loadIntoDraft(startDraft(twoPhasePlan()), recommended);
    expect(draft.base).toEqual(twoPhasePlan());
    expect(evaluateDraft(draft, node).plan).toEqual(recommended);
    const onePhase = twoPhasePlan();
    onePhase.phases.pop();
    expect(() => loadIntoDraft(draft, onePhase)).toThrow(/1 phases, the draft 2/);
  });
});
