import { describe, expect, it } from 'vitest';
import { drillCity } from '../../features/drill/drill-city.fixture';
import { createCityFrame } from './city-frame';

describe('the city frame', () => {
  it('takes a ground point on the globe back to the local metres it came from', () => {
    const frame = createCityFrame(drillCity().meta);
    for (const [xM, yM] of [[0, 0], [-6500, 4200], [7000, -7000]] as const) {
      const [x, y] = frame.toLocal(frame.toWorld(xM, yM));
      expect(x).toBeCloseTo(xM, 3);
      expect(y).toBeCloseTo(yM, 3);
    }
  });
});
