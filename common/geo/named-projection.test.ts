import { describe, expect, it } from 'vitest';
import { localFrame } from './local-frame';
import { projectionToLonLat } from './named-projection';

const UTM_51N = '+proj=utm +zone=51 +datum=WGS84 +units=m +no_defs';

describe('projectionToLonLat', () => {
  it("puts UTM zone 51's false easting on its central meridian, 123° E", () => {
    const [lonDeg, latDeg] = projectionToLonLat(UTM_51N)(500_000, 0);
    expect(lonDeg).toBeCloseTo(123, 9);
    expect(latDeg).toBeCloseTo(0, 9);
  });

  it('takes UTM coordinates into the city frame through longitude and latitude', () => {
    // 1 km east in UTM is about 1 km east in the city frame (UTM's scale is within 0.1 % of 1 this near zone 51's edge).
    const toLonLat = projectionToLonLat(UTM_51N);
    const frame = localFrame({ lonDeg: 120.19, latDeg: 30.26 });
    const [x0, y0] = frame.toLocalM(...toLonLat(230_000, 3_351_000));
    const [x1, y1] = frame.toLocalM(...toLonLat(231_000, 3_351_000));
    expect(Math.hypot(x1 - x0, y1 - y0)).toBeGreaterThan(999);
    expect(Math.hypot(x1 - x0, y1 - y0)).toBeLessThan(1001);
    expect(Math.abs(y1 - y0)).toBeLessThan(50);
  });

  it('refuses a projection proj4 does not know', () => {
    expect(() => projectionToLonLat('+proj=nowhere')).toThrow();
  });
});
