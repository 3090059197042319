import { describe, expect, it } from 'vitest';
import { polylineLengthM, segmentLengthM, signedAreaM2, vertexMean } from './planar-measures';

const west = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
] as const;

describe('ring and polyline measures', () => {
  it('gives counter-clockwise rings a positive area and clockwise ones a negative one', () => {
    const xy = west.flat();
    expect(signedAreaM2(xy)).toBe(100);
    expect(signedAreaM2([...west].reverse().flat())).toBe(-100);
  });

  it('measures a sub-range of vertices', () => {
    const xy = [0, 0, 3, 4, 3, 10, 100, 100];
    expect(polylineLengthM(xy, 0, 3)).toBe(11);
    expect(segmentLengthM(xy, 0)).toBe(5);
    expect(vertexMean(xy, 1, 3)).toEqual([3, 7]);
  });
});
