import type { PhaseDemand } from '@protocol';
import { describe, expect, it } from 'vitest';
import { predictedDelayS, recommendationFor } from './signal-prediction';
import { twoPhasePlan } from './signal-plan.fixture';

const demand: PhaseDemand[] = [
  { phaseId: 'ns', flowVehPerH: 1800, saturationFlowVehPerH: 3600 },
  { phaseId: 'ew', flowVehPerH: 300, saturationFlowVehPerH: 3600 },
];

describe('signal prediction', () => {
  it('recommends more green for the busier phase and predicts a finite delay', () => {
    const recommended = recommendationFor(twoPhasePlan(), demand);
    expect(recommended!.phases[0]!.greenS).toBeGreaterThan(recommended!.phases[1]!.greenS);
    const delayS = predictedDelayS(twoPhasePlan(), demand);
    expect(delayS).toBeGreaterThan(0);
    expect(Number.isFinite(delayS)).toBe(true);
  });

  it('predicts less delay for the recommendation than for an even split under uneven demand', () => {
    const recommended = recommendationFor(twoPhasePlan(), demand)!;
    expect(predictedDelayS(recommended, demand)!).toBeLessThan(predictedDelayS(twoPhasePlan(), demand)!);
  });

  it('gives no figures before any flow is measured, or for demand of other phases', () => {
    const still = demand.map((d) => ({ ...d, flowVehPerH: 0 }));
    expect(recommendationFor(twoPhasePlan(), still)).toBeNull();
    expect(predictedDelayS(twoPhasePlan(), [demand[0]!])).toBeNull();
  });
});
