import { localFrame } from '@common/geo/local-frame';
import { Cartographic, Math as CesiumMath } from 'cesium';
import { describe, expect, it } from 'vitest';
import { drillCity } from '../../features/drill/drill-city.fixture';
import { createCityFrame } from './city-frame';

const { meta } = drillCity();
const frame = createCityFrame(meta);
const corners = [[0, 0], [-6500, 4200], [7000, -7000], [10_000, 10_000]] as const;

describe('the city frame', () => {
  it('takes a ground point on the globe back to the local metres it came from', () => {
    for (const [xM, yM] of corners) {
      const [x, y] = frame.toLocal(frame.toWorld(xM, yM));
      expect(x).toBeCloseTo(xM, 3);
      expect(y).toBeCloseTo(yM, 3);
    }
  });

  it('puts a local point on the ground where the shared local frame (the bridge\'s) puts it', () => {
    const shared = localFrame(meta.origin);
    for (const [xM, yM] of corners) {
      const ground = Cartographic.fromCartesian(frame.toWorld(xM, yM));
      const [x, y] = shared.toLocalM(CesiumMath.toDegrees(ground.longitude), CesiumMath.toDegrees(ground.latitude));
      expect(Math.hypot(x - xM, y - yM)).toBeLessThan(0.001);
      expect(Math.abs(ground.height)).toBeLessThan(0.01);
    }
  });
});
