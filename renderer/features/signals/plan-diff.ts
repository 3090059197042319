/**
 * What a plan change changes, field by field: the confirmation dialog shows
 * each as "before → after" before an apply or a rollback is sent.
 */
import type { SignalPlan } from '@protocol';

/** Timing fields of a phase, seconds each. */
export const PHASE_TIME_FIELDS = ['greenS', 'yellowS', 'allRedS', 'minGreenS', 'pedClearanceS'] as const;
export type PhaseTimeField = (typeof PHASE_TIME_FIELDS)[number];

export type PlanChange =
  | { kind: 'plan'; field: 'cycleS' | 'offsetS'; before: number; after: number }
  | { kind: 'phase-time'; phaseIndex: number; phaseId: string; field: PhaseTimeField; before: number; after: number }
  | { kind: 'phase-movements'; phaseIndex: number; phaseId: string; before: readonly string[]; after: readonly string[] }
  /** A phase that only one of the plans has; `before` or `after` is null for the missing side. */
  | { kind: 'phase'; phaseIndex: number; before: string | null; after: string | null };

/**
 * Every difference between `before` and `after`, in reading order: cycle,
 * offset, then phase by phase (phases are matched by position, the order
 * they run in). Movements compare as sets: their order in a phase means nothing.
 */
export function diffPlans(before: SignalPlan, after: SignalPlan): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const field of ['cycleS', 'offsetS'] as const) {
    if (before[field] !== after[field]) changes.push({ kind: 'plan', field, before: before[field], after: after[field] });
  }
  const phaseCount = Math.max(before.phases.length, after.phases.length);
  for (let phaseIndex = 0; phaseIndex < phaseCount; phaseIndex++) {
    const was = before.phases[phaseIndex];
    const is = after.phases[phaseIndex];
    if (!was || !is || was.id !== is.id) {
      changes.push({ kind: 'phase', phaseIndex, before: was?.id ?? null, after: is?.id ?? null });
      continue;
    }
    for (const field of PHASE_TIME_FIELDS) {
      if (was[field] !== is[field]) {
        changes.push({ kind: 'phase-time', phaseIndex, phaseId: is.id, field, before: was[field], after: is[field] });
      }
    }
    if (!sameSet(was.movementIds, is.movementIds)) {
      changes.push({ kind: 'phase-movements', phaseIndex, phaseId: is.id, before: was.movementIds, after: is.movementIds });
    }
  }
  return changes;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
