/**
 * How far back a light looks for the vehicles that want its green. A
 * controlled lane can be a few metres long (the last piece of a road split at
 * a lane change): its queue then stands on the edges before it, and counting
 * the lane alone misses it. So an incoming edge is extended backwards along
 * the edges that feed it until the approach is as long as asked, stopping at
 * another light (vehicles before it wait for that one) and leaving out
 * U-turns (their vehicles are leaving).
 */
import type { NetFile } from '../../../backend-bridge/sources/sumo/network/net-xml';

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

export function approachGraph(net: NetFile, lightJunctions: ReadonlySet<string>): ApproachGraph {
  const edges = new Map(net.edges.map((edge) => [edge.id, edge]));
  const into = new Map<string, Set<string>>();
  for (const { from, to, dir } of net.connections) {
    if (dir === 't' || !edges.has(from) || !edges.has(to)) continue;
    const feeders = into.get(to) ?? new Set<string>();
    feeders.add(from);
    into.set(to, feeders);
  }
  const lengthM = (edgeId: string) => edges.get(edgeId)?.lanes[0]?.lengthM ?? 0;
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
        const start = edges.get(current)?.from;
        if (start === undefined || lightJunctions.has(start)) continue;
        for (const feeder of into.get(current) ?? []) {
          if (seen.has(feeder)) continue;
          seen.add(feeder);
          feeders.push(part(feeder, rangeM - reachedM));
          queue.push([feeder, reachedM + lengthM(feeder)]);
        }
      }
      const edge = edges.get(edgeId);
      return {
        edge: part(edgeId, rangeM),
        feeders,
        laneCount: Math.max(1, edge?.lanes.length ?? 1),
        speedMps: edge?.lanes[0]?.speedMps ?? 0,
      };
    },
  };
}
