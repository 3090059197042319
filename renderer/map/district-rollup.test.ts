import { describe, expect, it } from 'vitest';
import { alertsNear, badgedLabel, districtRollup } from './district-rollup';

describe('districtRollup', () => {
  it('keeps a free-flowing district, or one without traffic yet, in the calm base fill', () => {
    expect(districtRollup(1.05, 0).fill).toEqual(districtRollup(undefined, 0).fill);
  });

  it('warms and thickens the fill as the travel time index rises', () => {
    const fills = [1.1, 1.3, 1.7, 2.5].map((tti) => districtRollup(tti, 0).fill);
    expect(new Set(fills.map((fill) => fill.join())).size).toBe(4);
    const alphas = fills.map((fill) => fill[3]);
    expect(alphas).toEqual([...alphas].sort((a, b) => a - b));
    // The worst step is the theme's red.
    expect(fills[3]!.slice(0, 3)).toEqual([255, 77, 94]);
  });

  it('badges a name with its open alerts only when there are any', () => {
    expect(badgedLabel('Xihu', 0)).toBe('Xihu');
    expect(badgedLabel('Xihu', 3)).toBe('Xihu  ⚠ 3');
  });
});

describe('alertsNear', () => {
  it('counts the alerts within the radius of each point and leaves out points with none', () => {
    const points = [{ id: 'a', xM: 0, yM: 0 }, { id: 'b', xM: 1000, yM: 0 }, { id: 'c', xM: 5000, yM: 0 }];
    const counts = alertsNear(points, [[100, 0], [0, 300], [1200, 0], [0, 301]], 300);
    expect([...counts]).toEqual([['a', 2], ['b', 1]]);
  });
});
