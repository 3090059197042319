import type { Movement } from '@protocol';
import { describe, expect, it } from 'vitest';
import { approachSide, compassPoint, exitBearingsDeg, groupByApproach, labelMovements } from './movement-labels';

// Travel bearings, degrees clockwise from north: l-s arrives heading north, l-w heading east.
const approachBearings = new Map([
  ['l-s', 0],
  ['l-w', 90],
  ['l-n', 180],
  ['l-e', 270],
  ['l-diag', 44],
]);
const exitBearings = new Map([
  ['o-n', 0],
  ['o-e', 90],
  ['o-s', 180],
]);
const movements = new Map<string, Movement>(
  (
    [
      { id: 'l-s>o-n', inLinkId: 'l-s', outLinkId: 'o-n', turn: 'through' },
      { id: 'l-n>o-s', inLinkId: 'l-n', outLinkId: 'o-s', turn: 'through' },
      { id: 'l-n>o-e', inLinkId: 'l-n', outLinkId: 'o-e', turn: 'left' },
    ] as const
  ).map((m) => [m.id, { ...m }]),
);

describe('compass sides', () => {
  it('names the side vehicles come from, opposite their direction of travel', () => {
    expect(approachSide(approachBearings, 'l-s')).toBe('S');
    expect(approachSide(approachBearings, 'l-w')).toBe('W');
    expect(approachSide(approachBearings, 'l-n')).toBe('N');
    expect(approachSide(approachBearings, 'l-diag')).toBe('SW');
    expect(approachSide(approachBearings, 'unknown')).toBeNull();
  });

  it('rounds any bearing, negative ones included, to the nearest of eight points', () => {
    expect(compassPoint(-90)).toBe('W');
    expect(compassPoint(359)).toBe('N');
    expect(compassPoint(120)).toBe('SE');
  });

  it('finds the side each out-link leaves by from the node coordinates', () => {
    const meta = {
      nodes: [
        { id: 'c', xM: 0, yM: 0, districtId: 'd', signalized: true },
        { id: 'north', xM: 0, yM: 100, districtId: 'd', signalized: false },
        { id: 'west', xM: -100, yM: 0, districtId: 'd', signalized: false },
      ],
      links: [
        { id: 'to-north', fromNodeId: 'c', toNodeId: 'north' },
        { id: 'to-west', fromNodeId: 'c', toNodeId: 'west' },
        { id: 'in', fromNodeId: 'west', toNodeId: 'c' },
      ],
    } as unknown as Parameters<typeof exitBearingsDeg>[0];
    expect(exitBearingsDeg(meta, 'c')).toEqual(new Map([
      ['to-north', 0],
      ['to-west', -90],
    ]));
  });
});

describe('labelMovements', () => {
  const node = { movementsById: movements, bearings: approachBearings, exitBearings };

  it('orders a phase clockwise from north, left turns before through', () => {
    expect(labelMovements(['l-s>o-n', 'l-n>o-s', 'l-n>o-e'], node).map((l) => [l.approach, l.turn, l.exit])).toEqual([
      ['N', 'left', 'E'],
      ['N', 'through', 'S'],
      ['S', 'through', 'N'],
    ]);
  });

  it('names approach and exit of a movement whose turn is not known', () => {
    expect(labelMovements(['l-w>o-e'], node)).toEqual([{ movementId: 'l-w>o-e', approach: 'W', turn: null, exit: 'E' }]);
  });
});

describe('groupByApproach', () => {
  it('folds consecutive movements of one approach together', () => {
    const labels = labelMovements(['l-s>o-n', 'l-n>o-s', 'l-n>o-e'], { movementsById: movements, bearings: approachBearings, exitBearings });
    expect(groupByApproach(labels).map((g) => [g.approach, g.movements.map((m) => m.turn)])).toEqual([
      ['N', ['left', 'through']],
      ['S', ['through']],
    ]);
  });
});
