import { describe, expect, it } from 'vitest';
import { orderBySide } from './approach-order';

describe('orderBySide', () => {
  it('names each approach by the side it comes from, opposite its direction of travel, clockwise from north', () => {
    // Travel bearings: a southbound link (180°) arrives from the north, a westbound one (270°) from the east.
    const bearings = new Map([
      ['from-west', 90],
      ['from-north', 180],
      ['from-south', 0],
      ['from-east', 270],
    ]);
    const ordered = orderBySide(
      ['from-west', 'from-south', 'from-east', 'from-north'].map((linkId) => ({ linkId })),
      bearings,
    );
    expect(ordered.map((entry) => [entry.approach.linkId, entry.side])).toEqual([
      ['from-north', 'N'],
      ['from-east', 'E'],
      ['from-south', 'S'],
      ['from-west', 'W'],
    ]);
  });

  it('rounds a skewed approach to the nearest of eight sides and puts links without a bearing last', () => {
    const ordered = orderBySide([{ linkId: 'unknown' }, { linkId: 'skewed' }], new Map([['skewed', 230]]));
    expect(ordered.map((entry) => entry.side)).toEqual(['NE', null]);
  });
});
