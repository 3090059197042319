import { describe, expect, it } from 'vitest';
import { localFrame } from './local-frame';

const frame = localFrame({ latDeg: 30.26, lonDeg: 120.19 });

describe('the local frame', () => {
  it('puts the origin at (0, 0)', () => {
    const [x, y] = frame.toLocalM(120.19, 30.26);
    expect(x).toBeCloseTo(0, 6);
    expect(y).toBeCloseTo(0, 6);
  });

  it('maps a hundredth of a degree north to about 1109 m north, and east to about 962 m at 30° N', () => {
    const [northX, northY] = frame.toLocalM(120.19, 30.27);
    expect(northX).toBeCloseTo(0, 3);
    expect(northY).toBeGreaterThan(1108);
    expect(northY).toBeLessThan(1110);
    const [eastX, eastY] = frame.toLocalM(120.2, 30.26);
    expect(eastX).toBeGreaterThan(961);
    expect(eastX).toBeLessThan(963);
    expect(Math.abs(eastY)).toBeLessThan(0.1);
  });

  it('is the east and north of the point relative to the origin on the WGS84 ellipsoid', () => {
    // The tangent-plane components computed from Earth-fixed coordinates, to the nanometre scale.
    const [x, y] = frame.toLocalM(120.2, 30.26);
    expect(x).toBeCloseTo(962.3377097440384, 6);
    expect(y).toBeCloseTo(0.042319502328268754, 6);
  });

  it('cannot place a point on the far side of the globe', () => {
    expect(frame.toLocalM(-60, -30)).toEqual([NaN, NaN]);
  });

  it('takes local metres back to the longitude and latitude they came from', () => {
    for (const [xM, yM] of [[0, 0], [-6500, 4200], [7000, -7000]] as const) {
      const [lonDeg, latDeg] = frame.toLonLatDeg(xM, yM);
      const [x, y] = frame.toLocalM(lonDeg, latDeg);
      expect(x).toBeCloseTo(xM, 6);
      expect(y).toBeCloseTo(yM, 6);
    }
  });
});
