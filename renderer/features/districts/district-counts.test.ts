import { describe, expect, it } from 'vitest';
import type { DistrictCounts } from '@protocol';
import { deviceTotal, rankByDevices } from './district-counts';

function district(districtId: string, cameras: number, alarms = 0): DistrictCounts {
  return {
    districtId,
    name: { zh: districtId, en: districtId },
    buildings: 100,
    signalized: 3,
    devices: { camera: cameras, 'loop-detector': 1, 'fire-alarm': alarms, 'air-sensor': 0 },
  };
}

describe('deviceTotal', () => {
  it('adds up every kind', () => {
    expect(deviceTotal({ camera: 4, 'loop-detector': 3, 'fire-alarm': 2, 'air-sensor': 1 })).toBe(10);
  });
});

describe('rankByDevices', () => {
  it('puts the district with the most devices of any kind first', () => {
    const ranked = rankByDevices([district('a', 1), district('b', 9), district('c', 2, 10)]);
    expect(ranked.map((d) => d.districtId)).toEqual(['c', 'b', 'a']);
  });

  it('orders ties by id, whatever order they came in', () => {
    expect(rankByDevices([district('z', 5), district('m', 5), district('a', 5)]).map((d) => d.districtId)).toEqual(['a', 'm', 'z']);
  });

  it('leaves its input untouched', () => {
    const input = [district('a', 1), district('b', 2)];
    rankByDevices(input);
    expect(input.map((d) => d.districtId)).toEqual(['a', 'b']);
  });
});
