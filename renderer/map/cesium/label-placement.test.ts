import { describe, expect, it } from 'vitest';
import { coveredByAny, labelBox, scaleByDistance } from './label-placement';

describe('label placement', () => {
  it('stands a label centred on its anchor', () => {
    expect(labelBox(100, 50, 40, 20)).toEqual({ left: 80, right: 120, top: 30, bottom: 50 });
  });

  it('finds a label a panel covers, and leaves one beside it (issue 14: the legend covered district names)', () => {
    const legend = { left: 0, top: 600, right: 300, bottom: 700 };
    expect(coveredByAny(labelBox(150, 620, 80, 30), [legend])).toBe(true);
    expect(coveredByAny(labelBox(400, 620, 80, 30), [legend])).toBe(false);
    expect(coveredByAny(labelBox(150, 599, 80, 30), [legend])).toBe(false);
  });

  it('shrinks labels linearly with distance between the near and far marks', () => {
    expect(scaleByDistance(1_000, 2_000, 1.1, 40_000, 0.55)).toBe(1.1);
    expect(scaleByDistance(21_000, 2_000, 1.1, 40_000, 0.55)).toBeCloseTo(0.825);
    expect(scaleByDistance(90_000, 2_000, 1.1, 40_000, 0.55)).toBe(0.55);
  });
});
