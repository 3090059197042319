import { describe, expect, it } from 'vitest';
import { DistrictLocator } from './district-locator';

const square = (x0: number, y0: number, size: number): [number, number][] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
];

describe('DistrictLocator', () => {
  const locator = new DistrictLocator([{ ringM: square(0, 0, 10) }, { ringM: square(10, 0, 10) }]);

  it('returns the index of the district holding a point, and -1 outside all of them', () => {
    expect(locator.find(5, 5)).toBe(0);
    expect(locator.find(15, 5)).toBe(1);
    expect(locator.find(10, 5)).toBe(1);
    expect(locator.find(25, 5)).toBe(-1);
  });

  it('names the point and what it is when `require` finds no district', () => {
    expect(() => locator.require(25, -3, 'node n:01-02')).toThrow('node n:01-02 at (25.0, -3.0) m lies in no district');
  });
});
