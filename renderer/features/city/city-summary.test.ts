import { describe, expect, it } from 'vitest';
import { tinyCity } from '../../../backend-bridge/server/tiny-city.fixture';
import { summarizeDistricts } from './city-summary';

describe('summarizeDistricts', () => {
  it('counts buildings, signalized intersections and devices by kind per district', () => {
    const { meta } = tinyCity();
    const rows = summarizeDistricts(meta, new Uint16Array([0, 0, 0]));
    expect(rows).toEqual([
      {
        districtId: 'd1',
        name: { zh: '一区', en: 'One' },
        buildings: 3,
        signalized: 1,
        devices: { camera: 1, 'loop-detector': 0, 'fire-alarm': 0, 'air-sensor': 0 },
      },
    ]);
  });
});
