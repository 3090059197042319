import { describe, expect, it } from 'vitest';
import { type RingM, RingLocator, ringHolds } from './ring-locator';

const west: RingM = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];
// Shares the edge x = 10 with `west`, drawn with its own vertex in the middle of it and a slanted edge.
const east: RingM = [
  [10, 0],
  [20, 0],
  [20, 10],
  [10, 10],
  [10, 5],
];
const slantedLeft: RingM = [
  [0, 0],
  [3, 0],
  [7, 10],
  [0, 10],
];
const slantedRight: RingM = [
  [3, 0],
  [10, 0],
  [10, 10],
  [7, 10],
];
const north: RingM = [
  [0, 10],
  [10, 10],
  [10, 20],
  [0, 20],
];

describe('ringHolds', () => {
  it('finds points inside and outside a square', () => {
    expect(ringHolds(west, 5, 5)).toBe(true);
    expect(ringHolds(west, 15, 5)).toBe(false);
    expect(ringHolds(west, 5, -1)).toBe(false);
  });

  it('tells inside from outside a concave ring', () => {
    const ell: RingM = [[0, 0], [10, 0], [10, 2], [2, 2], [2, 10], [0, 10]];
    expect(ringHolds(ell, 1, 9)).toBe(true);
    expect(ringHolds(ell, 5, 5)).toBe(false);
  });

  it('puts a point on a shared edge or vertex into exactly one of two neighbours, the one to the east or north', () => {
    for (const [x, y] of [
      [10, 5],
      [10, 2.5],
      [10, 0],
    ] as const) {
      expect([ringHolds(west, x, y), ringHolds(east, x, y)]).toEqual([false, true]);
    }
    expect([ringHolds(west, 5, 10), ringHolds(north, 5, 10)]).toEqual([false, true]);
  });

  it('settles points on a slanted shared edge the same way from both sides', () => {
    for (let i = 0; i < 40; i++) {
      const y = i / 4;
      const x = 3 + (4 * y) / 10;
      expect(Number(ringHolds(slantedLeft, x, y)) + Number(ringHolds(slantedRight, x, y))).toBe(1);
    }
  });

  it('leaves points on the outer east and north edges outside', () => {
    expect(ringHolds(west, 0, 5)).toBe(true);
    expect(ringHolds(west, 5, 0)).toBe(true);
    expect(ringHolds(east, 20, 5)).toBe(false);
    expect(ringHolds(north, 5, 20)).toBe(false);
  });
});

describe('RingLocator', () => {
  const locator = new RingLocator([west, east, north]);

  it('returns the index of the ring holding a point, and -1 outside all of them', () => {
    expect(locator.find(5, 5)).toBe(0);
    expect(locator.find(15, 5)).toBe(1);
    expect(locator.find(5, 15)).toBe(2);
    expect(locator.find(25, 5)).toBe(-1);
  });

  it('settles a point on a shared border as ringHolds does', () => {
    expect(locator.find(10, 5)).toBe(1);
    expect(locator.find(5, 10)).toBe(2);
  });

  it('finds nothing among no rings', () => {
    expect(new RingLocator([]).find(0, 0)).toBe(-1);
  });
});
