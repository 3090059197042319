import { describe, expect, it } from 'vitest';
import { distanceToPolylineM } from './polyline-distance';

// An L: (0,0) → (100,0) → (100,100), preceded by an unrelated vertex the range skips.
const xyM = [999, 999, 0, 0, 100, 0, 100, 100];

describe('distanceToPolylineM', () => {
  it('measures to the nearest segment, perpendicular where the point projects inside it', () => {
    expect(distanceToPolylineM(xyM, 1, 4, 50, -30)).toBe(30);
    expect(distanceToPolylineM(xyM, 1, 4, 130, 60)).toBe(30);
  });

  it('measures to the nearest end beyond a segment', () => {
    expect(distanceToPolylineM(xyM, 1, 4, -30, 40)).toBe(50);
  });

  it('treats a single vertex as a point', () => {
    expect(distanceToPolylineM(xyM, 1, 2, 3, 4)).toBe(5);
  });
});
