import { describe, expect, it } from 'vitest';
import { MEASURE_WINDOW_S, SignalWindow } from './sumo-signal-window';
import type { TrafficReading } from './traci';

const reading = (vehicleCount: number, meanSpeedMps: number, haltingCount = 0): TrafficReading => ({ vehicleCount, meanSpeedMps, haltingCount, occupancyPct: 0 });

/** A 100 m link of two lanes, free speed 10 m/s. */
const makeWindow = () => new SignalWindow([{ linkId: 'L', laneIds: ['e_0', 'e_1'], lengthM: 100, freeSpeedMps: 10 }]);

describe('SignalWindow', () => {
  it('lists the lanes it reads', () => {
    expect(makeWindow().laneIds()).toEqual(['e_0', 'e_1']);
  });

  it('derives passages and delay from counts and mean speeds (q = k·v)', () => {
    const window = makeWindow();
    const lanes = new Map([
      ['e_0', reading(2, 5, 1)],
      ['e_1', reading(2, 5)],
    ]);
    for (let s = 0; s <= 10; s++) window.observe(lanes, s * 1000);
    // 4 vehicles at 5 m/s over 10 s: 200 vehicle-metres, two crossings of 100 m in 10 s.
    expect(window.flowVehPerH('L')).toBeCloseTo(720);
    // 40 vehicle-seconds, of which 20 the 200 m take at free speed.
    expect(window.delay('L')).toEqual({ delayVehS: 20, passedVeh: 2 });
    expect(window.counts('L')).toEqual({ vehicleCount: 4, haltingCount: 1 });
  });

  it('ignores the speed an empty lane reports', () => {
    const window = makeWindow();
    const lanes = new Map([['e_0', reading(0, 13.9)]]);
    for (let s = 0; s <= 5; s++) window.observe(lanes, s * 1000);
    expect(window.flowVehPerH('L')).toBe(0);
    expect(window.delay('L')).toEqual({ delayVehS: 0, passedVeh: 0 });
  });

  it('forgets what is older than the window, and everything when the clock goes back', () => {
    const window = makeWindow();
    const busy = new Map([['e_0', reading(3, 10)]]);
    const empty = new Map<string, TrafficReading>();
    for (let s = 0; s <= 60; s++) window.observe(busy, s * 1000);
    expect(window.flowVehPerH('L')).toBeGreaterThan(0);
    for (let s = 61; s <= 61 + MEASURE_WINDOW_S; s++) window.observe(empty, s * 1000);
    expect(window.flowVehPerH('L')).toBe(0);
    window.observe(busy, 1000);
    expect(window.counts('L').vehicleCount).toBe(3);
    expect(window.delay('L').passedVeh).toBe(0);
    expect(() => window.counts('nowhere')).toThrow(RangeError);
  });
});
