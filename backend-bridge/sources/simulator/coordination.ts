/**
 * Coordination of neighbouring fixed-time signals: one common cycle per
 * district and offsets for a green wave towards the city centre.
 *
 * A platoon that leaves one crossing at the start of its green and drives
 * towards the centre at the progression speed should reach the next
 * crossing as its green starts. On a street grid, distance to the centre is
 * the Manhattan distance, so offset = −distance / speed (mod cycle) gives
 * inbound progression on both axes of every quadrant at once. The offset is
 * measured to the start of phase 0; where a crossing's split differs from
 * its neighbour's, the wave for the later phases is only approximate.
 */
import { positiveModulo } from '../../protocol/signals';
import type { SimNetwork } from './network';

/** Speed the green wave is timed for, km/h: a little under the arterials' free speed. */
export const PROGRESSION_SPEED_KMH = 45;

/**
 * The cycle each signal runs: the longest cycle any signal of its district
 * needs, so that a district's signals stay in step.
 */
export function systemCycleS(net: SimNetwork, ownCycleS: ReadonlyMap<number, number>): Map<number, number> {
  const longest = new Map<number, number>();
  for (const [node, cycleS] of ownCycleS) {
    const district = net.nodes.district[node]!;
    longest.set(district, Math.max(cycleS, longest.get(district) ?? 0));
  }
  return new Map([...ownCycleS.keys()].map((node) => [node, longest.get(net.nodes.district[node]!)!]));
}

/** Whole-second offsets for inbound progression, for the nodes in `cycleS` (node → its cycle, seconds). */
export function progressionOffsetsS(net: SimNetwork, cycleS: ReadonlyMap<number, number>): Map<number, number> {
  const { xM, yM } = net.nodes;
  const { centreXM, centreYM } = net;
  const speedMps = PROGRESSION_SPEED_KMH / 3.6;
  return new Map(
    [...cycleS.keys()].map((node) => {
      const cycle = cycleS.get(node)!;
      const distanceM = Math.abs(xM[node]! - centreXM) + Math.abs(yM[node]! - centreYM);
      return [node, Math.round(positiveModulo(-distanceM / speedMps, cycle)) % cycle];
    }),
  );
}
