import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NetFile } from '../network/net-xml';
import { readSumoNetwork } from '../network/read-sumo-network';
import { makeSumoGrid } from '../sumo-grid.fixture';
import { approachGraph, roadsOfNet } from './approaches';

const lane = (lengthM: number) => ({ index: 0, speedMps: 10, lengthM, shape: [], carsAllowed: true });
const edge = (id: string, from: string, to: string, lengthM: number, lanes = 1) => ({ id, from, to, name: undefined, lanes: Array.from({ length: lanes }, (_, i) => ({ ...lane(lengthM), index: i })) });
const connection = (from: string, to: string, dir = 's') => ({ from, to, dir, tl: undefined, linkIndex: undefined });

/** L (a light) ← near (40 m, two lanes) ← mid (100 m) ← far (300 m) ← other light M; back (the U-turn) leaves L. */
const net: NetFile = {
  file: 'test.net.xml',
  lefthand: false,
  location: { netOffset: [0, 0], convBoundary: [0, 0, 1, 1], projParameter: null },
  junctions: [],
  edges: [edge('near', 'a', 'L', 40, 2), edge('mid', 'b', 'a', 100), edge('far', 'M', 'b', 300), edge('back', 'L', 'a', 40)],
  connections: [connection('mid', 'near'), connection('far', 'mid'), connection('back', 'near', 't')],
  tlLogics: [],
};

const graph = (lightJunctionIds: Set<string>) => approachGraph({ ...roadsOfNet(net), lightJunctionIds });

describe('approach graph', () => {
  it('extends an approach up the feeding edges to its range, counting the last one in part', () => {
    const approach = graph(new Set(['L', 'M'])).approach('near', 200);
    expect(approach.edge).toEqual({ edgeId: 'near', inRangeShare: 1 });
    expect(approach.feeders).toEqual([
      { edgeId: 'mid', inRangeShare: 1 },
      { edgeId: 'far', inRangeShare: 60 / 300 },
    ]);
    expect(approach).toMatchObject({ laneCount: 2, speedMps: 10 });
  });

  it('stops at another light and leaves U-turns out', () => {
    const approach = graph(new Set(['L', 'M', 'b'])).approach('near', 1000);
    expect(approach.feeders.map((f) => f.edgeId)).toEqual(['mid']);
  });

  it('counts a long incoming edge by the share within range', () => {
    expect(graph(new Set()).approach('far', 60).edge.inRangeShare).toBeCloseTo(0.2);
    expect(() => graph(new Set()).approach('far', 0)).toThrow(/range must be positive/);
  });

  it('reads a netgenerate grid as the source reads it: the net kept with the city, approaches extended past the corners without a light', () => {
    const grid = makeSumoGrid();
    try {
      const network = readSumoNetwork({ netFile: join(grid.dir, 'grid.net.xml') });
      const approaches = approachGraph(roadsOfNet(network.net));
      expect(approaches.approach('A0A1', 500).feeders.length).toBeGreaterThan(0);
      // B1 has a light: an approach from it stops there.
      expect(approaches.approach('B1A1', 500).feeders).toEqual([]);
    } finally {
      grid.dispose();
    }
  });
});
