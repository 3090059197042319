/** A draft problem as one sentence in the UI language: the field, the rule, the figures. */
import type { SignalPlan } from '@protocol';
import { useI18n } from 'vue-i18n';
import { localName } from '../../i18n/locale';
import type { DraftProblem } from './plan-draft';
import { formatFigure } from './signal-format';
import { describeProblem } from './violation-text';

export function useProblemText(): (problem: DraftProblem, plan: SignalPlan | null, base: SignalPlan) => string {
  const { t, locale } = useI18n();
  return (problem, plan, base) => {
    const text = describeProblem(problem, plan);
    const figures = Object.fromEntries(
      Object.entries(text.figures).map(([name, value]) => [name, value === undefined ? '—' : formatFigure(value, locale.value)]),
    );
    const field =
      text.field.kind === 'plan'
        ? t(`signals.fields.${text.field.field}`)
        : t('signals.fields.phaseField', {
            field: t(`signals.fields.${text.field.field}`),
            phase: phaseLabel(base, text.field.phaseIndex, locale.value),
          });
    return t(`signals.rules.${text.rule}`, { field, detail: text.detail, ...figures });
  };
}

function phaseLabel(plan: SignalPlan, index: number, locale: Parameters<typeof localName>[1]): string {
  const phase = plan.phases[index];
  return phase ? `${index + 1} · ${localName(phase.name, locale)}` : String(index + 1);
}
