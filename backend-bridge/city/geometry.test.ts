import { describe, expect, it } from 'vitest';
import { type RingM, polylineLengthM, ringContains, signedAreaM2, vertexMean } from './geometry';

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

describe('ringContains', () => {
  it('finds points inside and outside a square', () => {
    expect(ringContains(west, 5, 5)).toBe(true);
    expect(ringContains(west, 15, 5)).toBe(false);
    expect(ringContains(west, 5, -1)).toBe(false);
  });

  // Points on the top edge of the pair are outside both, as if nudged north; those are not tested here.
  it('puts a point on a shared edge or vertex into exactly one of two neighbours', () => {
    for (const [x, y] of [
      [10, 5],
      [10, 2.5],
      [10, 0],
    ] as const) {
      expect(Number(ringContains(west, x, y)) + Number(ringContains(east, x, y))).toBe(1);
    }
  });

  it('settles points on a slanted shared edge the same way from both sides', () => {
    for (let i = 0; i < 40; i++) {
      const y = i / 4;
      const x = 3 + (4 * y) / 10;
      expect(Number(ringContains(slantedLeft, x, y)) + Number(ringContains(slantedRight, x, y))).toBe(1);
    }
  });
});

describe('ring and polyline measures', () => {
  it('gives counter-clockwise rings a positive area and clockwise ones a negative one', () => {
    const xy = west.flat();
    expect(signedAreaM2(xy)).toBe(100);
    expect(signedAreaM2([...west].reverse().flat())).toBe(-100);
  });

  it('measures a sub-range of vertices', () => {
    const xy = [0, 0, 3, 4, 3, 10, 100, 100];
    expect(polylineLengthM(xy, 0, 3)).toBe(11);
    expect(vertexMean(xy, 1, 3)).toEqual([3, 7]);
  });
});
