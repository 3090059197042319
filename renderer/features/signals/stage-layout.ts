/**
 * The cycle as the stage diagram draws it: every interval of every phase
 * laid end to end from the cycle's start, and where in the cycle the signal
 * stands now.
 */
import type { SignalInterval, SignalPlan, SignalState } from '@protocol';
import { intervalLengthS } from './signal-countdown';

export interface StageSegment {
  phaseIndex: number;
  interval: SignalInterval;
  /** Start within the cycle, seconds. */
  startS: number;
  lengthS: number;
}

const INTERVALS: readonly SignalInterval[] = ['green', 'yellow', 'all-red'];

/** The plan's intervals in running order; zero-length yellows and all-reds are left out. */
export function stageSegments(plan: SignalPlan): StageSegment[] {
  const segments: StageSegment[] = [];
  let startS = 0;
  plan.phases.forEach((_, phaseIndex) => {
    for (const interval of INTERVALS) {
      const lengthS = intervalLengthS(plan, phaseIndex, interval);
      if (lengthS <= 0) continue;
      segments.push({ phaseIndex, interval, startS, lengthS });
      startS += lengthS;
    }
  });
  return segments;
}

/** Seconds into the cycle at `state`, clamped to the cycle; 0 for an interval the plan does not have. */
export function cyclePositionS(segments: readonly StageSegment[], state: SignalState): number {
  const segment = segments.find((s) => s.phaseIndex === state.phaseIndex && s.interval === state.interval);
  if (!segment) return 0;
  return segment.startS + Math.min(segment.lengthS, Math.max(0, segment.lengthS - state.remainingS));
}
