import { describe, expect, it } from 'vitest';
import type { PhaseDemand } from './signal-messages';
import { predictDelayPerVehS, recommendPlan, splitGreensS, websterCycleS, wholeSeconds } from './signal-timing';
import type { SignalPlan } from './signals';

const expectSeconds = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));
};

const phase = (id: string, greenS: number, pedClearanceS = 10) => ({
  id,
  name: { zh: id, en: id },
  movementIds: [`${id}In>${id}Out`],
  greenS,
  yellowS: 3,
  allRedS: 2,
  minGreenS: 7,
  pedClearanceS,
});

/** Two phases of 25 s green + 5 s clearance: C = 60 s, L = 10 s. */
const plan = (offsetS = 50): SignalPlan => ({ nodeId: 'x', version: 4, cycleS: 60, offsetS, phases: [phase('a', 25), phase('b', 25)] });

/** Saturation flow 1800 veh/h (0.5 veh/s) on both phases. */
const demand = (aVehPerH: number, bVehPerH: number): PhaseDemand[] => [
  { phaseId: 'a', flowVehPerH: aVehPerH, saturationFlowVehPerH: 1800 },
  { phaseId: 'b', flowVehPerH: bVehPerH, saturationFlowVehPerH: 1800 },
];

describe('websterCycleS', () => {
  it('gives (1.5·L + 5) / (1 − Y), and no cycle at all for a crossing at capacity', () => {
    expect(websterCycleS(10, 0.6)).toBeCloseTo(50, 12);
    expect(websterCycleS(20, 0)).toBe(35);
    expect(websterCycleS(10, 1)).toBe(Infinity);
  });
});

describe('splitGreensS', () => {
  it('splits the effective green in proportion to the critical flow ratios', () => {
    expectSeconds(splitGreensS(60, [0.3, 0.1], [7, 7]), [45, 15]);
  });

  it('raises a phase to its minimum and shares the rest among the others', () => {
    expectSeconds(splitGreensS(40, [0.5, 0.01], [7, 20]), [20, 20]);
    expectSeconds(splitGreensS(60, [0.5, 0.01, 0.01], [7, 10, 12]), [38, 10, 12]);
  });

  it('shares equally when there is no demand, and falls back to the minimums when they do not fit', () => {
    expectSeconds(splitGreensS(30, [0, 0], [7, 7]), [15, 15]);
    expectSeconds(splitGreensS(10, [0.2, 0.2], [7, 7]), [7, 7]);
  });
});

describe('wholeSeconds', () => {
  it('rounds to whole seconds that keep the total, largest remainders first', () => {
    expect(wholeSeconds([10.6, 20.3, 9.1], 40)).toEqual([11, 20, 9]);
    expect(wholeSeconds([12.5, 12.5], 25)).toEqual([13, 12]);
  });
});

describe('recommendPlan', () => {
  it('times the cycle by Webster and splits the effective green by critical flow ratio', () => {
    // y = 540/1800 = 0.3 and 360/1800 = 0.2: C0 = (1.5·10 + 5)/(1 − 0.5) = 40 s, effective 30 s split 18 : 12.
    const recommended = recommendPlan(plan(), demand(540, 360));
    expect(recommended.cycleS).toBe(40);
    expect(recommended.phases.map((p) => p.greenS)).toEqual([18, 12]);
    expect(recommended.offsetS).toBe(10); // 50 s kept, modulo the new 40 s cycle
    expect(recommended.phases.map((p) => [p.id, p.yellowS, p.allRedS, p.movementIds])).toEqual(plan().phases.map((p) => [p.id, p.yellowS, p.allRedS, p.movementIds]));
    expect(recommended.version).toBe(4);
  });

  it('gives no phase less than its minimum green or pedestrian clearance', () => {
    // y = 0.45 and 0.01: C0 = 20/0.54 = 37.04 → 38 s, effective 28 s; phase b's pedestrians need 15 s.
    const recommended = recommendPlan({ ...plan(), phases: [phase('a', 25), phase('b', 25, 15)] }, demand(810, 18));
    expect(recommended.cycleS).toBe(38);
    expect(recommended.phases.map((p) => p.greenS)).toEqual([13, 15]);
  });

  it('clamps the cycle to the limits, and runs the longest cycle when demand is at capacity', () => {
    expect(recommendPlan(plan(), demand(90, 90)).cycleS).toBe(30); // C0 = 20/0.9 = 22.2 s
    expect(recommendPlan(plan(), demand(90, 90), { minCycleS: 45 }).cycleS).toBe(45);
    expect(recommendPlan(plan(), demand(1200, 900)).cycleS).toBe(180); // Y = 1.17
    expect(recommendPlan(plan(), demand(1200, 900), { maxCycleS: 120 }).cycleS).toBe(120);
  });

  it('keeps the cycle of a coordinated signal and only re-splits its greens', () => {
    const recommended = recommendPlan(plan(), demand(540, 360), { keepCycle: true });
    expect(recommended.cycleS).toBe(60);
    expect(recommended.offsetS).toBe(50);
    expect(recommended.phases.map((p) => p.greenS)).toEqual([30, 20]);
  });

  it('names a phase that has no demand entry', () => {
    expect(() => recommendPlan(plan(), demand(540, 360).slice(0, 1))).toThrow('no demand for phase "b" (phases[1])');
  });
});

describe('predictDelayPerVehS', () => {
  it('matches Webster’s formula computed by hand for one loaded phase', () => {
    // C = 60, λ = 25/60, q = 0.15 veh/s, x = 0.72: 14.583 + 6.171 − 2.357 = 18.398 s.
    expect(predictDelayPerVehS(plan(), demand(540, 0))).toBeCloseTo(18.3978, 3);
  });

  it('weights the phases by their flow', () => {
    // Phase b: q = 0.05 veh/s, x = 0.24, d = 12.045 s; (0.15·18.398 + 0.05·12.045) / 0.2 = 16.810 s.
    expect(predictDelayPerVehS(plan(), demand(540, 180))).toBeCloseTo(16.8097, 3);
  });

  it('stays finite past saturation, capping the random term and adding 15 minutes of overflow', () => {
    // x = 1.2: Webster at x = 0.95 plus 900·0.2/2.4 = 75 s.
    const delayS = predictDelayPerVehS(plan(), demand(900, 0));
    expect(delayS).toBeCloseTo(122.796, 2);
    expect(predictDelayPerVehS(plan(), demand(1800, 0))).toBeGreaterThan(delayS);
  });

  it('predicts less delay for the recommended plan than for an even split of uneven demand', () => {
    const uneven = demand(700, 200);
    expect(predictDelayPerVehS(recommendPlan(plan(), uneven), uneven)).toBeLessThan(predictDelayPerVehS(plan(), uneven));
  });

  it('is 0 when nothing arrives', () => {
    expect(predictDelayPerVehS(plan(), demand(0, 0))).toBe(0);
  });
});
