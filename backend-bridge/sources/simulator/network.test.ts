import { describe, expect, it } from 'vitest';
import { chainCity } from './chain-city.fixture';
import { cellParams } from './fundamental-diagram';
import { compileNetwork } from './network';

describe('cellParams', () => {
  it('cuts a link into cells one step of free-flow travel long, with the triangular diagram’s wave speed', () => {
    // 560 m at 60 km/h (16.67 m/s): 33 cells of 16.97 m; 3 lanes at 1800 veh/h each.
    const p = cellParams({ lengthM: 560, lanes: 3, freeSpeedKmh: 60, capacityVehPerH: 5400 }, 1);
    expect(p.cellCount).toBe(33);
    expect(p.cellLengthM).toBeCloseTo(560 / 33, 12);
    expect(p.sendRatio).toBeCloseTo(16.6667 / 16.9697, 4);
    expect(p.cellMaxVeh).toBeCloseTo(0.45 * (560 / 33), 12); // 150 veh/km/lane × 3 lanes
    // w = Q / (kj − Q/vf) = 1.5 / (0.45 − 0.09) = 4.1667 m/s
    expect(p.waveRatio).toBeCloseTo(4.16667 / (560 / 33), 4);
    expect(p.capacityVehPerS).toBe(1.5);
  });

  it('keeps the scheme stable for short or implausibly narrow links', () => {
    const short = cellParams({ lengthM: 8, lanes: 1, freeSpeedKmh: 50, capacityVehPerH: 1800 }, 1);
    expect(short.cellCount).toBe(1);
    expect(short.sendRatio).toBe(1);
    const slow = cellParams({ lengthM: 100, lanes: 1, freeSpeedKmh: 5, capacityVehPerH: 1800 }, 1);
    expect(slow.capacityVehPerS).toBeCloseTo((5 / 3.6) * 0.15 / 2, 12); // capped at vf·kj/2, so w = vf
    expect(slow.waveRatio).toBeLessThanOrEqual(1);
  });
});

describe('compileNetwork', () => {
  const road = { lengthM: 500, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 };
  const net = compileNetwork(chainCity([road, road]).meta, { seed: 1, tripEndShare: 0.2 });

  it('lays the cells of every link end to end', () => {
    expect([...net.links.cellStart]).toEqual([0, 36, 72]);
    expect(net.cellCount).toBe(72);
  });

  it('makes nodes with one neighbour boundary nodes, where every trip ends', () => {
    expect([...net.nodes.isBoundary]).toEqual([1, 0, 1]);
    expect([...net.links.tripEndShare]).toEqual([0.2, 1]);
    expect(net.movementExitShare[0]).toBeCloseTo(0.8, 12);
  });

  it('names a trip-end share outside [0, 1)', () => {
    expect(() => compileNetwork(chainCity([road]).meta, { seed: 1, tripEndShare: 1 })).toThrow('tripEndShare must be in [0, 1), got 1');
  });
});
