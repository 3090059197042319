import { describe, expect, it } from 'vitest';
import { notDepartedOf, rescoDelayS, vsFixedPct } from './delay';

describe('rescoDelayS', () => {
  it('is the mean of timeLoss + departDelay over the vehicles in the tripinfo output', () => {
    const tripinfos = [
      { timeLossS: 10, departDelayS: 0 },
      { timeLossS: 20, departDelayS: 6 },
      { timeLossS: 3.5, departDelayS: 0.5 },
    ];
    // (10 + 26 + 4) / 3
    expect(rescoDelayS(tripinfos, [], 3600)).toBeCloseTo(40 / 3, 10);
  });

  it('counts a vehicle that never departed as waiting from its depart time to the end of the window', () => {
    const tripinfos = [{ timeLossS: 30, departDelayS: 10 }];
    const notDeparted = [{ departS: 3500 }, { departS: 3590 }];
    // (40 + 100 + 10) / 3
    expect(rescoDelayS(tripinfos, notDeparted, 3600)).toBe(50);
  });

  it('works in a window that does not start at zero', () => {
    expect(rescoDelayS([], [{ departS: 25_200 }], 28_800)).toBe(3600);
  });

  it('refuses a run without vehicles instead of reporting zero delay', () => {
    expect(() => rescoDelayS([], [], 3600)).toThrow(/no vehicle/);
  });
});

describe('notDepartedOf', () => {
  it('keeps exactly the scheduled vehicles that have no tripinfo', () => {
    const scheduled = [
      { id: 'a', departS: 1 },
      { id: 'f.0', departS: 2 },
      { id: 'f.1', departS: 3 },
    ];
    expect(notDepartedOf(scheduled, [{ id: 'a' }, { id: 'f.0' }])).toEqual([{ id: 'f.1', departS: 3 }]);
  });
});

describe('vsFixedPct', () => {
  it('is negative when the controller has less delay than fixed time', () => {
    expect(vsFixedPct(28.3, 56.6)).toBeCloseTo(-50, 10);
  });

  it('is positive when the controller is worse', () => {
    expect(vsFixedPct(75, 60)).toBe(25);
  });

  it('refuses a zero fixed-time delay rather than dividing by it', () => {
    expect(() => vsFixedPct(1, 0)).toThrow(/cannot be compared/);
  });
});
