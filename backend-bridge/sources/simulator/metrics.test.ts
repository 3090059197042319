import { describe, expect, it } from 'vitest';
import { chainCity } from './chain-city.fixture';
import { TrafficSim } from './traffic-sim';

const road = { lengthM: 500, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 };

/** Light traffic on a free road: about 0.1 vehicles a second enter at n0 at 07:00. */
function lightRoad(): TrafficSim {
  return new TrafficSim(chainCity([road, road]), { seed: 1, demandScale: 1, warmUpS: 300, randomIncidentsPerHour: 0 });
}

describe('traffic metrics', () => {
  it('show free speed on an empty link and count nothing on it', () => {
    const sim = new TrafficSim(chainCity([road]), { seed: 1, demandScale: 0, warmUpS: 60, randomIncidentsPerHour: 0 });
    const metrics = sim.linkMetrics();
    expect(metrics.windowS).toBe(60);
    expect([metrics.speedKmh[0], metrics.densityVehPerKmLane[0], metrics.flowVehPerH[0], metrics.vehicles[0], metrics.level[0]]).toEqual([50, 0, 0, 0, 0]);
    expect(sim.areaMetrics().city).toEqual({ avgSpeedKmh: 50, travelTimeIndex: 1, vehicles: 0 });
  });

  it('obey flow = density × lanes × speed in light steady traffic, at free speed', () => {
    const sim = lightRoad();
    sim.linkMetrics();
    sim.advance(120);
    const m = sim.linkMetrics();
    expect(m.windowS).toBe(120);
    expect(m.speedKmh[1]).toBeCloseTo(50, 4);
    expect(m.level[1]).toBe(0);
    expect(m.flowVehPerH[1]).toBeGreaterThan(200);
    expect(m.densityVehPerKmLane[1]! * road.lanes * m.speedKmh[1]!).toBeCloseTo(m.flowVehPerH[1]!, -1);
    expect(sim.areaMetrics().city.travelTimeIndex).toBeCloseTo(1, 4);
  });

  it('cover the steps since the last call, and repeat the last figures when no step ran', () => {
    const sim = lightRoad();
    sim.advance(5);
    const first = sim.linkMetrics();
    expect(first.windowS).toBe(5);
    const speed = first.speedKmh.slice();
    expect(sim.linkMetrics().windowS).toBe(5);
    expect(sim.linkMetrics().speedKmh).toEqual(speed);
    sim.advance(2);
    expect(sim.areaMetrics().city.vehicles).toBeCloseTo(sim.linkMetrics().vehicles.reduce((a, b) => a + b, 0), 3);
    expect(sim.linkMetrics().windowS).toBe(2);
  });

  it('report every district in city order, with a travel time index above 1 behind a queue', () => {
    const sim = lightRoad();
    sim.addIncident({ linkIndex: 1, capacityFactor: 0, durationS: 3600 });
    sim.linkMetrics();
    sim.advance(300);
    const area = sim.areaMetrics();
    expect(area.districts.map((d) => d.districtId)).toEqual(['d']);
    expect(area.districts[0]!.travelTimeIndex).toBeGreaterThan(1.5);
    expect(area.city.avgSpeedKmh).toBeLessThan(35);
    expect(area.city).toEqual({ avgSpeedKmh: area.districts[0]!.avgSpeedKmh, travelTimeIndex: area.districts[0]!.travelTimeIndex, vehicles: area.districts[0]!.vehicles });
  });
});
