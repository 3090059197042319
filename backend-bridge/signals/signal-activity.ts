/**
 * Today's signal work for the cockpit: how many plan changes operators and
 * the adaptive controller made since local midnight (sim time), how many
 * intersections run adaptive, and what the changes did to delay.
 */
import type { SignalActivityMessage } from '../protocol';
import type { ChangeCounts, ChangeTime } from './plan-history';
import type { SignalSeries } from './signal-series';

/** The window before and after a change that its delay change is measured over, seconds. */
export const ACTIVITY_EFFECT_WINDOW_S = 1800;
/**
 * The delay change is the mean over at most this many of the latest changes
 * with a full after-window: adaptive mode makes hundreds a day, and the
 * figure is sent every 10 s.
 */
export const ACTIVITY_EFFECT_CHANGES = 200;

export interface ActivityInput {
  simTimeMs: number;
  /** Local midnight of the city before `simTimeMs`, sim ms: where "today" starts. */
  daySimStartMs: number;
  /** Changes since the start of the sim day, by origin. */
  counts: ChangeCounts;
  /** The latest changes (at most ACTIVITY_EFFECT_CHANGES) that took over today at least ACTIVITY_EFFECT_WINDOW_S ago. */
  settledChanges: readonly ChangeTime[];
  series: SignalSeries;
  /** Intersections following measured traffic: adaptive re-splitting or max-pressure. */
  adaptiveIntersections: number;
  /** Of those, the ones run by max-pressure. */
  maxPressureIntersections: number;
  signalizedIntersections: number;
}

export function signalActivity(input: ActivityInput): SignalActivityMessage {
  const changesPct: number[] = [];
  for (const change of input.settledChanges) {
    const { before, after } = input.series.effect(change.nodeId, change.effectiveSimTimeMs, ACTIVITY_EFFECT_WINDOW_S);
    if (before.coveredS === 0 || after.coveredS === 0 || before.delayPerVehS <= 0) continue;
    changesPct.push((100 * (after.delayPerVehS - before.delayPerVehS)) / before.delayPerVehS);
  }
  const meanPct = changesPct.reduce((sum, pct) => sum + pct, 0) / changesPct.length;
  return {
    type: 'signal-activity',
    daySimStartMs: input.daySimStartMs,
    operatorChangesToday: input.counts.operator,
    adaptiveChangesToday: input.counts.adaptive,
    adaptiveIntersections: input.adaptiveIntersections,
    maxPressureIntersections: input.maxPressureIntersections,
    fixedIntersections: input.signalizedIntersections - input.adaptiveIntersections,
    ...(changesPct.length > 0 && { delayChangePct: Math.min(10_000, Math.max(-100, meanPct)) }),
  };
}
