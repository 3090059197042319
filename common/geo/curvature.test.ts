import { describe, expect, it } from 'vitest';
import { curvatureDropM } from './curvature';

describe('curvatureDropM', () => {
  it('is nothing at the origin and about 7.85 m at 10 km, the same in every direction', () => {
    expect(curvatureDropM(0, 0)).toBe(0);
    expect(curvatureDropM(10_000, 0)).toBeCloseTo(7.85, 1);
    expect(curvatureDropM(0, -10_000)).toBe(curvatureDropM(10_000, 0));
  });
});
