import { describe, expect, it } from 'vitest';
import { geodeticToLocalM } from './local-frame';

const origin = { latDeg: 30.26, lonDeg: 120.19 };

describe('geodeticToLocalM', () => {
  it('puts the origin at (0, 0)', () => {
    const [x, y] = geodeticToLocalM(30.26, 120.19, origin);
    expect(x).toBeCloseTo(0, 6);
    expect(y).toBeCloseTo(0, 6);
  });

  it('maps a hundredth of a degree north to about 1109 m north, and east to about 962 m at 30° N', () => {
    const [northX, northY] = geodeticToLocalM(30.27, 120.19, origin);
    expect(northX).toBeCloseTo(0, 3);
    expect(northY).toBeGreaterThan(1108);
    expect(northY).toBeLessThan(1110);
    const [eastX, eastY] = geodeticToLocalM(30.26, 120.2, origin);
    expect(eastX).toBeGreaterThan(961);
    expect(eastX).toBeLessThan(963);
    expect(Math.abs(eastY)).toBeLessThan(0.1);
  });
});
