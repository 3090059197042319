import { describe, expect, it } from 'vitest';
import { tinyCity } from '../../city/tiny-city.fixture';
import { compileNetwork } from '../simulator/network';
import { LinkReadings } from './link-readings';

const HOLD_MS = 60_000;

function readings(): LinkReadings {
  const net = compileNetwork(tinyCity().meta, { seed: 0 });
  return new LinkReadings(net.links, net.districtIds, HOLD_MS);
}

describe('link readings', () => {
  it('show free flow with no traffic on links never heard from, and a free city', () => {
    const r = readings();
    const traffic = r.linkTraffic(1000);
    expect([...traffic.speedKmh]).toEqual([50, 50]);
    expect([...traffic.flowVehPerH, ...traffic.densityVehPerKmLane, ...traffic.level]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.areaMetrics(1000).city).toEqual({ avgSpeedKmh: 50, travelTimeIndex: 1, vehicles: 0 });
  });

  it('show a fresh reading with its congestion level and density from occupancy', () => {
    const r = readings();
    r.record(0, { ts: 1000, speedKmh: 20, flowVehPerH: 1200, occupancyPct: 13 });
    const traffic = r.linkTraffic(2000);
    expect(traffic.speedKmh[0]).toBe(20);
    expect(traffic.flowVehPerH[0]).toBe(1200);
    expect(traffic.level[0]).toBe(2); // 20 / 50 = 0.4 of free speed: moderate
    expect(traffic.densityVehPerKmLane[0]).toBeCloseTo(20, 4); // 13 % of 1000 m / 6.5 m
  });

  it('fall back to free flow once a reading is older than the hold time', () => {
    const r = readings();
    r.record(0, { ts: 1000, speedKmh: 20, flowVehPerH: 1200, occupancyPct: 13 });
    expect(r.linkTraffic(1000 + HOLD_MS).speedKmh[0]).toBe(20);
    expect(r.linkTraffic(1001 + HOLD_MS).speedKmh[0]).toBe(50);
  });

  it('keep the newer reading when an older one is delivered late', () => {
    const r = readings();
    expect(r.record(0, { ts: 2000, speedKmh: 30, flowVehPerH: 600, occupancyPct: 5 })).toBe(true);
    expect(r.record(0, { ts: 1000, speedKmh: 10, flowVehPerH: 600, occupancyPct: 5 })).toBe(false);
    expect(r.linkTraffic(2000).speedKmh[0]).toBe(30);
  });

  it('weigh area figures by the traffic on each link, as the simulator does', () => {
    const r = readings();
    // Equal flows on equal links: the distance-weighted speed is the harmonic mean, 2 / (1/25 + 1/50).
    r.record(0, { ts: 0, speedKmh: 25, flowVehPerH: 900, occupancyPct: 10 });
    r.record(1, { ts: 0, speedKmh: 50, flowVehPerH: 900, occupancyPct: 5 });
    const { city, districts } = r.areaMetrics(0);
    expect(city.avgSpeedKmh).toBeCloseTo(100 / 3, 6);
    expect(city.travelTimeIndex).toBeCloseTo(1.5, 6);
    expect(districts).toEqual([{ districtId: 'd1', ...city }]);
    expect(city.vehicles).toBeCloseTo((10 + 5) * 10 / 6.5 * 0.08 * 2, 6);
  });
});
