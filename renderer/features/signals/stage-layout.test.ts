import { describe, expect, it } from 'vitest';
import { cyclePositionS, stageSegments } from './stage-layout';
import { twoPhasePlan } from './signal-plan.fixture';

describe('stageSegments', () => {
  it('lays every interval end to end over the cycle', () => {
    const segments = stageSegments(twoPhasePlan());
    expect(segments.map((s) => [s.phaseIndex, s.interval, s.startS, s.lengthS])).toEqual([
      [0, 'green', 0, 25],
      [0, 'yellow', 25, 3],
      [0, 'all-red', 28, 2],
      [1, 'green', 30, 25],
      [1, 'yellow', 55, 3],
      [1, 'all-red', 58, 2],
    ]);
  });

  it('leaves out an all-red of zero seconds', () => {
    const plan = twoPhasePlan({ cycleS: 58 });
    plan.phases[0]!.allRedS = 0;
    expect(stageSegments(plan).filter((s) => s.phaseIndex === 0).map((s) => s.interval)).toEqual(['green', 'yellow']);
  });
});

describe('cyclePositionS', () => {
  const segments = stageSegments(twoPhasePlan());

  it('places the signal by the time already spent in its interval', () => {
    expect(cyclePositionS(segments, { phaseIndex: 1, interval: 'yellow', remainingS: 1 })).toBe(57);
    expect(cyclePositionS(segments, { phaseIndex: 0, interval: 'green', remainingS: 25 })).toBe(0);
  });

  it('stays inside the interval when the remaining time is out of range', () => {
    expect(cyclePositionS(segments, { phaseIndex: 0, interval: 'green', remainingS: 40 })).toBe(0);
    expect(cyclePositionS(segments, { phaseIndex: 0, interval: 'all-red', remainingS: -3 })).toBe(30);
  });
});
