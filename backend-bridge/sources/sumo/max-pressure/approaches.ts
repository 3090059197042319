/**
 * How far back a light looks for the vehicles that want its green. A
 * controlled lane can be a few metres long (the last piece of a road split at
 * a lane change): its queue then stands on the edges before it, and counting
 * the lane alone misses it. So an incoming edge is extended backwards along
 * the edges that feed it until the approach is as long as asked, stopping at
 * another light (vehicles before it wait for that one) and leaving out
 * U-turns (their vehicles are leaving).
 *
 * The roads come from the net file (`roadsOfNet`): its lane counts include
 * footways and bike lanes, and its connections say which roads really feed
 * an approach, neither of which the bridge's city keeps.
 */
import type { NetFile } from '../network/net-xml';

/** An edge of an approach and how much of it lies within the range. */
export interface ApproachPart {
  edgeId: string;
  /** Share of its length within the range, (0, 1]. */
  inRangeShare: number;
}

export interface Approach {
  /** The incoming edge itself. */
  edge: ApproachPart;
  /** The edges before it within the range. */
  feeders: ApproachPart[];
  /** Lanes of the incoming edge, over which the feeders' vehicles are shared. */
  laneCount: number;
  /** The incoming edge's speed limit, m/s. */
  speedMps: number;
}

export interface ApproachGraph {
  /** The approach to the stop line at the end of `edgeId`, `rangeM` long. */
  approach(edgeId: string, rangeM: number): Approach;
}

/** One SUMO edge as the approaches read it. */
export interface ApproachRoad {
  edgeId: string;
  /** Junction it starts at. */
  fromJunctionId: string;
  laneCount: number;
  lengthM: number;
  speedMps: number;
}

/** What the graph is built from: the edges, which edge feeds which (U-turns left out), and the junctions with a light. */
export interface ApproachRoads {
  roads: ApproachRoad[];
  feeds: { fromEdgeId: string; toEdgeId: string }[];
  lightJunctionIds: ReadonlySet<string>;
}

/** The roads of a net file: every edge (lane 0's length and speed), its connections but U-turns. */
export function roadsOfNet(net: NetFile): ApproachRoads {
  return {
    roads: net.edges.map((edge) => ({
      edgeId: edge.id,
      fromJunctionId: edge.from,
      laneCount: edge.lanes.length,
      lengthM: edge.lanes[0]?.lengthM ?? 0,
      speedMps: edge.lanes[0]?.speedMps ?? 0,
    })),
    feeds: net.connections.filter(({ dir }) => dir !== 't').map(({ from, to }) => ({ fromEdgeId: from, toEdgeId: to })),
    lightJunctionIds: new Set(net.junctions.filter((j) => j.type.startsWith('traffic_light')).map((j) => j.id)),
  };
}

export function approachGraph({ roads, feeds, lightJunctionIds }: ApproachRoads): ApproachGraph {
  const byId = new Map(roads.map((road) => [road.edgeId, road]));
  const into = new Map<string, Set<string>>();
  for (const { fromEdgeId, toEdgeId } of feeds) {
    if (!byId.has(fromEdgeId) || !byId.has(toEdgeId)) continue;
    const feeders = into.get(toEdgeId) ?? new Set<string>();
    feeders.add(fromEdgeId);
    into.set(toEdgeId, feeders);
  }
  const lengthM = (edgeId: string) => byId.get(edgeId)?.lengthM ?? 0;
  const part = (edgeId: string, leftM: number): ApproachPart => ({ edgeId, inRangeShare: Math.min(1, leftM / Math.max(lengthM(edgeId), 1)) });
  return {
    approach(edgeId, rangeM) {
      if (!(rangeM > 0)) throw new RangeError(`approach range must be positive, got ${rangeM} m`);
      const feeders: ApproachPart[] = [];
      // Breadth first, with the distance from the stop line to each edge's start.
      const queue: [string, number][] = [[edgeId, lengthM(edgeId)]];
      const seen = new Set([edgeId]);
      while (queue.length > 0) {
        const [current, reachedM] = queue.shift()!;
        if (reachedM >= rangeM) continue;
        const start = byId.get(current)?.fromJunctionId;
        if (start === undefined || lightJunctionIds.has(start)) continue;
        for (const feeder of into.get(current) ?? []) {
          if (seen.has(feeder)) continue;
          seen.add(feeder);
          feeders.push(part(feeder, rangeM - reachedM));
          queue.push([feeder, reachedM + lengthM(feeder)]);
        }
      }
      const road = byId.get(edgeId);
      return {
        edge: part(edgeId, rangeM),
        feeders,
        laneCount: Math.max(1, road?.laneCount ?? 1),
        speedMps: road?.speedMps ?? 0,
      };
    },
  };
}
