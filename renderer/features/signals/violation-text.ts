/**
 * What the UI says about a draft problem: which field (a plan field, or a
 * field of one phase) and the figures the rule's sentence needs, taken from
 * the plan and the rule limits, so both languages can word it themselves.
 * Rules about movements carry the rule's own English detail (movement ids).
 */
import type { SignalPlan } from '@protocol';
import { PLAN_LIMITS } from '@protocol/signal-rules';
import type { DraftProblem } from './plan-draft';
import type { PhaseTimeField } from './plan-diff';

export type ProblemField =
  | { kind: 'plan'; field: 'cycleS' | 'offsetS' | 'phases' }
  | { kind: 'phase'; phaseIndex: number; field: PhaseTimeField | 'movementIds' };

export interface ProblemText {
  rule: DraftProblem['rule'];
  field: ProblemField;
  /** Figures for the sentence, seconds; only those the rule's sentence uses. */
  figures: { value?: number; limit?: number; min?: number; max?: number };
  /** The rule's own words, for rules about movements. */
  detail: string;
}

const PHASE_PATH = /^phases\[(\d+)\]\.(greenS|yellowS|allRedS|minGreenS|pedClearanceS|movementIds)/;

export function describeProblem(problem: DraftProblem, plan: SignalPlan | null): ProblemText {
  const field = fieldOf(problem.path);
  const phase = field.kind === 'phase' ? plan?.phases[field.phaseIndex] : undefined;
  const text = (figures: ProblemText['figures']): ProblemText => ({ rule: problem.rule, field, figures, detail: problem.message });
  switch (problem.rule) {
    case 'yellow-range':
      return text({ ...PLAN_LIMITS.yellowS, value: phase?.yellowS });
    case 'all-red-range':
      return text({ ...PLAN_LIMITS.allRedS, value: phase?.allRedS });
    case 'min-green':
      return text({ limit: phase?.minGreenS, value: phase?.greenS });
    case 'ped-clearance':
      return text({ limit: phase?.pedClearanceS, value: phase?.greenS });
    case 'cycle-range':
      return text({ ...PLAN_LIMITS.cycleS, value: plan?.cycleS });
    case 'offset-range':
      return text({ limit: plan?.cycleS, value: plan?.offsetS });
    default:
      return text({});
  }
}

function fieldOf(path: string): ProblemField {
  const match = PHASE_PATH.exec(path);
  if (match) return { kind: 'phase', phaseIndex: Number(match[1]), field: match[2] as PhaseTimeField | 'movementIds' };
  return { kind: 'plan', field: path === 'cycleS' || path === 'offsetS' ? path : 'phases' };
}
