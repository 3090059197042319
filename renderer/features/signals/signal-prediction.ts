/**
 * Webster's figures for the panel, from the status's measured phase demand:
 * a recommended plan and the predicted delay of a plan. Null where the
 * figures cannot be had — no flow measured yet, or demand for other phases
 * than the plan's (a push racing a plan change) — rather than a made-up number.
 */
import type { PhaseDemand, SignalPlan } from '@protocol';
import { predictDelayPerVehS, recommendPlan } from '@protocol/signal-timing';

function demandFits(plan: SignalPlan, demand: readonly PhaseDemand[]): boolean {
  const ids = new Set(demand.map((d) => d.phaseId));
  return plan.phases.every((phase) => ids.has(phase.id)) && demand.some((d) => d.flowVehPerH > 0);
}

/** Webster's plan for the measured demand, or null without usable demand. */
export function recommendationFor(plan: SignalPlan, demand: readonly PhaseDemand[]): SignalPlan | null {
  return demandFits(plan, demand) ? recommendPlan(plan, demand) : null;
}

/** Predicted average delay per vehicle, seconds, or null without usable demand. */
export function predictedDelayS(plan: SignalPlan, demand: readonly PhaseDemand[]): number | null {
  return demandFits(plan, demand) ? predictDelayPerVehS(plan, demand) : null;
}
