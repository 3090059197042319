import { describe, expect, it } from 'vitest';
import { tinyCity } from '../../city/tiny-city.fixture';
import { congestionLevel } from '../../protocol';
import { SumoLinkWindow } from './sumo-link-window';
import type { TrafficReading } from './traci';

// Links l1 and l2: 80 m, two lanes, 50 km/h free speed; SUMO edges e1 and e2.
const reading = (vehicleCount: number, meanSpeedMps: number): TrafficReading => ({ vehicleCount, meanSpeedMps, occupancyPct: 0, haltingCount: 0 });
const edges = (e1: TrafficReading, e2: TrafficReading) => new Map([['e1', e1], ['e2', e2], ['not-a-link', reading(50, 1)]]);

describe('SumoLinkWindow', () => {
  it('turns edge readings over a window into space-mean speed, density per lane-km and flow = density × speed', () => {
    const window = new SumoLinkWindow(tinyCity().meta, ['e1', 'e2']);
    expect(window.hasSteps).toBe(false);
    // e1: 4 vehicles at 10 m/s for one second, then 2 at 5 m/s for one second; e2 empty (SUMO reports its limit).
    window.add(edges(reading(4, 10), reading(0, 13.9)), 1);
    window.add(edges(reading(2, 5), reading(0, 13.9)), 1);
    const { links, area } = window.close(1000);
    // 50 vehicle-metres in 6 vehicle-seconds: 8.33 m/s = 30 km/h.
    expect(links.speedKmh[0]).toBeCloseTo(30, 4);
    // 3 vehicles on average over 0.08 km × 2 lanes.
    expect(links.densityVehPerKmLane[0]).toBeCloseTo(3 / 0.16, 4);
    // 25 vehicle-metres per second over 80 m: 0.3125 veh/s = 1125 veh/h (= 3/0.08 veh/km × 30 km/h).
    expect(links.flowVehPerH[0]).toBeCloseTo(1125, 3);
    expect(links.level[0]).toBe(congestionLevel(30, 50));
    expect([links.speedKmh[1], links.densityVehPerKmLane[1], links.flowVehPerH[1]]).toEqual([50, 0, 0]);
    expect(area.city).toMatchObject({ vehicles: 2, avgSpeedKmh: expect.closeTo(30, 4), travelTimeIndex: expect.closeTo(50 / 30, 4) });
    expect(area.districts).toEqual([{ districtId: 'd1', ...area.city }]);
    expect(window.hasSteps).toBe(false);
  });

  it('never reports faster than the free speed, and forgets the vehicles on the roads when SUMO starts again', () => {
    const window = new SumoLinkWindow(tinyCity().meta, ['e1', 'e2']);
    window.add(edges(reading(1, 20), reading(3, 2)), 1);
    window.clear();
    expect(window.hasSteps).toBe(false);
    window.add(edges(reading(1, 20), reading(0, 13.9)), 1);
    const { links, area } = window.close(2000);
    expect(links.speedKmh[0]).toBeCloseTo(50, 4);
    expect(area.city.vehicles).toBe(1);
  });

  it('needs one SUMO edge per link', () => {
    expect(() => new SumoLinkWindow(tinyCity().meta, ['e1'])).toThrow('1 SUMO edge ids for 2 links');
  });
});
