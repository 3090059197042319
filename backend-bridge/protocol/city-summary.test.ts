import { describe, expect, it } from 'vitest';
import type { CityModel } from '../city/city-model';
import { generateDemoCity } from '../city/demo-city';
import { summarizeCity } from './city-summary';

const name = (en: string) => ({ zh: en, en });

/** Two districts; the second holds one signalized node, a camera, an air sensor and two of three buildings. */
function twoDistrictCity(): CityModel {
  const ring = (x0: number): [number, number][] => [
    [x0, 0],
    [x0 + 10, 0],
    [x0 + 10, 10],
    [x0, 10],
  ];
  return {
    meta: {
      formatVersion: 1,
      id: 'pair',
      name: name('Pair'),
      version: 'v',
      origin: { lonDeg: 0, latDeg: 0 },
      timeZone: 'Asia/Shanghai',
      bounds: { minXM: 0, minYM: 0, maxXM: 20, maxYM: 10 },
      districts: [
        { id: 'a', name: name('A'), ringM: ring(0), labelM: [5, 5] },
        { id: 'b', name: name('B'), ringM: ring(10), labelM: [15, 5] },
      ],
      water: [],
      nodes: [
        { id: 'n1', xM: 2, yM: 2, districtId: 'a', signalized: false },
        { id: 'n2', xM: 12, yM: 2, districtId: 'b', signalized: true },
      ],
      links: [],
      devices: [
        { id: 'c', kind: 'camera', name: name('Cam'), xM: 12, yM: 3, districtId: 'b', nodeId: 'n2' },
        { id: 's', kind: 'air-sensor', name: name('Air'), xM: 14, yM: 3, districtId: 'b' },
      ],
      buildingCount: 3,
    },
    buildings: {
      ringStart: new Uint32Array([0, 3, 6, 9]),
      xyM: new Float32Array([1, 1, 2, 1, 2, 2, 11, 1, 12, 1, 12, 2, 13, 1, 14, 1, 14, 2]),
      heightM: new Float32Array([10, 20, 30]),
      district: new Uint16Array([0, 1, 1]),
    },
    linkShapes: { pointStart: new Uint32Array([0]), xyM: new Float32Array() },
  };
}

const summarizeModel = (city: CityModel) => summarizeCity(city.meta, city.buildings.district);

describe('summarizeCity', () => {
  it('counts buildings, signalized intersections and devices by kind for each district and in total', () => {
    const summary = summarizeModel(twoDistrictCity());
    const none = { camera: 0, 'loop-detector': 0, 'fire-alarm': 0, 'air-sensor': 0 };
    expect(summary.districts).toEqual([
      { districtId: 'a', name: name('A'), buildings: 1, signalized: 0, devices: none },
      { districtId: 'b', name: name('B'), buildings: 2, signalized: 1, devices: { ...none, camera: 1, 'air-sensor': 1 } },
    ]);
    expect(summary.total).toEqual({ buildings: 3, signalized: 1, devices: { ...none, camera: 1, 'air-sensor': 1 } });
  });

  it('names a device whose district does not exist, and a building whose index is out of range', () => {
    const city = twoDistrictCity();
    city.meta.devices[1]!.districtId = 'zz';
    expect(() => summarizeModel(city)).toThrow('device s refers to unknown district "zz"');
    const broken = twoDistrictCity();
    broken.buildings.district[2] = 5;
    expect(() => summarizeModel(broken)).toThrow('building 2 refers to district index 5, but there are 2');
  });

  it('adds up to the whole demo city', () => {
    const city = generateDemoCity();
    const { total, districts } = summarizeModel(city);
    expect(districts).toHaveLength(city.meta.districts.length);
    expect(total.buildings).toBe(city.meta.buildingCount);
    expect(total.signalized).toBe(city.meta.nodes.filter((n) => n.signalized).length);
    expect(Object.values(total.devices).reduce((a, b) => a + b, 0)).toBe(city.meta.devices.length);
    expect(districts.every((d) => d.buildings > 0 && d.devices['air-sensor'] > 0)).toBe(true);
  });
});
