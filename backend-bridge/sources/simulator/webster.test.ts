import { describe, expect, it } from 'vitest';
import { splitGreensS, websterCycleS, wholeSeconds } from './webster';

const expectSeconds = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));
};

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
