/**
 * How far back a light looks for the vehicles that want its green. A
 * controlled lane can be a few metres long (the last piece of a road split at
 * a lane change): its queue then stands on the edges before it, and counting
 * the lane alone misses it. So each incoming edge is extended backwards along
 * the edges that feed it until the approach is `rangeM` long, stopping at
 * another light (vehicles before it wait for that one). This is what a
 * detector on the approach would see, not a fit to any one network.
 */
import type { NetFile } from '../../../backend-bridge/sources/sumo/network/net-xml';

/** Length of approach a light watches, metres: a common stop-bar-to-advance-detector span. */
export const APPROACH_RANGE_M = 200;

export interface ApproachGraph {
  /** Upstream edges feeding an incoming edge within the range (not the edge itself). */
  feedersOf(edgeId: string): string[];
  /** Lanes of an edge, for sharing a feeder's vehicles over them. */
  laneCount(edgeId: string): number;
}

export function approachGraph(net: NetFile, lightJunctions: ReadonlySet<string>, rangeM = APPROACH_RANGE_M): ApproachGraph {
  const edges = new Map(net.edges.map((edge) => [edge.id, edge]));
  const into = new Map<string, Set<string>>();
  for (const { from, to, dir } of net.connections) {
    // A U-turn's vehicles come from the far side and are leaving, not approaching.
    if (dir === 't' || !edges.has(from) || !edges.has(to)) continue;
    const feeders = into.get(to) ?? new Set<string>();
    feeders.add(from);
    into.set(to, feeders);
  }
  const lengthM = (edgeId: string) => edges.get(edgeId)?.lanes[0]?.lengthM ?? 0;
  const cache = new Map<string, string[]>();
  return {
    laneCount: (edgeId) => Math.max(1, edges.get(edgeId)?.lanes.length ?? 1),
    feedersOf(edgeId) {
      const known = cache.get(edgeId);
      if (known) return known;
      const found: string[] = [];
      // Breadth first with the distance from the stop line at each edge's end.
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
          found.push(feeder);
          queue.push([feeder, reachedM + lengthM(feeder)]);
        }
      }
      cache.set(edgeId, found);
      return found;
    },
  };
}
