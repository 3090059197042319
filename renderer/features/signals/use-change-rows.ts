/** Plan changes as the confirmation dialog lists them: field names, phase names and figures in the UI language. */
import type { SignalPlan } from '@protocol';
import { useI18n } from 'vue-i18n';
import { localName } from '../../i18n/locale';
import type { PlanChange } from './plan-diff';
import { formatFigure } from './signal-format';

/** One line of the dialog's table. */
export interface ChangeRow {
  /** Stable key, e.g. `phases[1].greenS`. */
  key: string;
  field: string;
  before: string;
  after: string;
}

/** A function from a diff (and the plan it applies to, for phase names) to the dialog's rows. */
export function useChangeRows(): (changes: readonly PlanChange[], plan: SignalPlan) => ChangeRow[] {
  const { t, locale } = useI18n();
  const seconds = (value: number) => t('signals.units.seconds', { value: formatFigure(value, locale.value) });
  const none = () => t('signals.diff.none');
  return (changes, plan) => {
    const phaseName = (i: number) => {
      const phase = plan.phases[i];
      return phase ? `${i + 1} · ${localName(phase.name, locale.value)}` : String(i + 1);
    };
    return changes.map((change): ChangeRow => {
      switch (change.kind) {
        case 'plan':
          return { key: change.field, field: t(`signals.fields.${change.field}`), before: seconds(change.before), after: seconds(change.after) };
        case 'phase-time':
          return {
            key: `phases[${change.phaseIndex}].${change.field}`,
            field: t('signals.fields.phaseField', { field: t(`signals.fields.${change.field}`), phase: phaseName(change.phaseIndex) }),
            before: seconds(change.before),
            after: seconds(change.after),
          };
        case 'phase-movements':
          return {
            key: `phases[${change.phaseIndex}].movementIds`,
            field: t('signals.fields.phaseField', { field: t('signals.fields.movementIds'), phase: phaseName(change.phaseIndex) }),
            before: change.before.join(', ') || none(),
            after: change.after.join(', ') || none(),
          };
        case 'phase':
          return {
            key: `phases[${change.phaseIndex}]`,
            field: t('signals.fields.phases'),
            before: change.before ?? none(),
            after: change.after ?? none(),
          };
      }
    });
  };
}
