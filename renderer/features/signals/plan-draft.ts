/**
 * The plan editor's model: the text of each editable field as the operator
 * typed it, and what that text makes — a plan whose cycle follows the sum of
 * its phases, and every problem with it, each tied to the field it concerns.
 * The rules are the protocol's own (`checkPlanRules`), the same the bridge
 * applies again before it accepts a plan.
 */
import type { Movement, SignalPlan } from '@protocol';
import { type ApproachBearings, type PlanRule, type RuleViolation, checkPlanRules } from '@protocol/signal-rules';
import { PHASE_TIME_FIELDS, type PhaseTimeField } from './plan-diff';

/** A field the editor offers, as the rules name it: `offsetS` or e.g. `phases[1].greenS`. */
export type DraftPath = 'offsetS' | `phases[${number}].${PhaseTimeField}`;

export const phasePath = (phaseIndex: number, field: PhaseTimeField): DraftPath => `phases[${phaseIndex}].${field}`;

export interface PlanDraft {
  /** The plan the edit started from; phases, movements and names come from it unchanged. */
  base: SignalPlan;
  /** What the operator typed, by field. */
  texts: Readonly<Record<DraftPath, string>>;
}

/** A problem with the draft: one of the plan rules, or `number` for text that is not a number of seconds. */
export interface DraftProblem {
  path: string;
  rule: PlanRule | 'number';
  /** In English, with the figures involved (the rules' own words for rule violations). */
  message: string;
}

/** What the draft makes now. */
export interface DraftOutcome {
  /** The edited plan (version as the base's; the sender sets the next), or null while some text is not a number. */
  plan: SignalPlan | null;
  problems: readonly DraftProblem[];
}

/** The node's movements and approach bearings, which the rules check the plan against. */
export interface NodeGeometry {
  /**
   * Every movement through the node; null where they are not known. The
   * editor never changes which movements a phase serves, so without them the
   * movement rules (unknown, unserved, conflicting) are left to the bridge,
   * which checks every rule again before it accepts a plan.
   */
  movements: readonly Movement[] | null;
  bearings: ApproachBearings;
}

/** Rules that concern a plan's movements rather than its times. */
const MOVEMENT_RULES: ReadonlySet<PlanRule> = new Set(['unknown-movement', 'movement-served', 'conflict']);

/** A draft whose texts show `plan`'s figures. */
export function startDraft(plan: SignalPlan): PlanDraft {
  return { base: plan, texts: textsOf(plan) };
}

/** The draft with one field's text replaced. */
export function editDraft(draft: PlanDraft, path: DraftPath, text: string): PlanDraft {
  return { ...draft, texts: { ...draft.texts, [path]: text } };
}

/**
 * The draft with every field set from `plan` (e.g. a recommendation), keeping
 * the base it is compared with. `plan` must have the base's phases.
 */
export function loadIntoDraft(draft: PlanDraft, plan: SignalPlan): PlanDraft {
  if (plan.phases.length !== draft.base.phases.length) {
    throw new RangeError(`plan has ${plan.phases.length} phases, the draft ${draft.base.phases.length}`);
  }
  return { ...draft, texts: textsOf(plan) };
}

/** Builds the draft's plan and checks it. */
export function evaluateDraft(draft: PlanDraft, node: NodeGeometry): DraftOutcome {
  const problems: DraftProblem[] = [];
  const read = (path: DraftPath): number => {
    const text = (draft.texts[path] ?? '').trim().replace(',', '.');
    if (!/^\d+(\.\d+)?$/.test(text)) {
      problems.push({ path, rule: 'number', message: `expected a number of seconds, got ${JSON.stringify(text)}` });
      return Number.NaN;
    }
    return Number(text);
  };
  const phases = draft.base.phases.map((phase, i) => {
    const times = Object.fromEntries(PHASE_TIME_FIELDS.map((field) => [field, read(phasePath(i, field))]));
    return { ...phase, ...(times as Record<PhaseTimeField, number>) };
  });
  const offsetS = read('offsetS');
  if (problems.length > 0) return { plan: null, problems };
  // The cycle follows the phases: the operator edits times, never a sum to keep in step by hand.
  const cycleS = phases.reduce((sum, p) => sum + p.greenS + p.yellowS + p.allRedS, 0);
  const plan: SignalPlan = { ...draft.base, cycleS, offsetS, phases };
  const violations = checkPlanRules(plan, node.movements ?? [], node.bearings);
  const checked = node.movements ? violations : violations.filter((violation) => !MOVEMENT_RULES.has(violation.rule));
  return { plan, problems: checked.map(asProblem) };
}

const asProblem = ({ path, rule, message }: RuleViolation): DraftProblem => ({ path, rule, message });

/** The draft's problems for one field. */
export function problemsAt(outcome: DraftOutcome, path: string): DraftProblem[] {
  return outcome.problems.filter((problem) => problem.path === path);
}

/** Problems the editor has no field for (the cycle, the phases' movements), shown under the table. */
export function planLevelProblems(outcome: DraftOutcome): DraftProblem[] {
  return outcome.problems.filter((problem) => !isDraftPath(problem.path));
}

function isDraftPath(path: string): boolean {
  return path === 'offsetS' || /^phases\[\d+\]\.(greenS|yellowS|allRedS|minGreenS|pedClearanceS)$/.test(path);
}

function textsOf(plan: SignalPlan): Record<DraftPath, string> {
  const texts: Record<string, string> = { offsetS: String(plan.offsetS) };
  plan.phases.forEach((phase, i) => {
    for (const field of PHASE_TIME_FIELDS) texts[phasePath(i, field)] = String(phase[field]);
  });
  return texts as Record<DraftPath, string>;
}
