/**
 * The flows the demand would put on every link if nothing were congested:
 * the stationary state of trips entering at their nodes, splitting by
 * turning fraction and ending by trip-end share. Traffic engineers time
 * signals on such demand flows, and the warm-up starts from them.
 */
import type { SimNetwork } from './network';

/** Iterations stop once no link's flow changes by more than this, vehicles per second. */
const CONVERGED_VEH_PER_S = 1e-9;
/**
 * Bound on the iterations. Each one carries the flows one link further;
 * with a trip-end share s the remainder shrinks like (1 − s)^k, so the
 * default share converges in about 200. A network where no trip ever ends
 * has no stationary state, and gets the flows after this many links.
 */
const MAX_ITERATIONS = 1000;

/**
 * Uncongested link flows, vehicles per second.
 *
 * @param sourceRateVehPerS trips started at each node at demand factor 1, vehicles per second
 * @param demandFactor the daily profile's factor to apply
 */
export function expectedLinkFlowsVehPerS(net: SimNetwork, sourceRateVehPerS: Float64Array, demandFactor: number): Float64Array {
  const { links, movements } = net;
  const entering = Float64Array.from(
    { length: links.count },
    (_, l) => sourceRateVehPerS[links.fromNode[l]!]! * demandFactor * links.sourceShare[l]!,
  );
  let flows = entering.slice();
  let next = new Float64Array(links.count);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    next.set(entering);
    for (let m = 0; m < movements.count; m++) {
      next[movements.toLink[m]!]! += flows[movements.fromLink[m]!]! * net.movementExitShare[m]!;
    }
    let change = 0;
    for (let l = 0; l < links.count; l++) change = Math.max(change, Math.abs(next[l]! - flows[l]!));
    [flows, next] = [next, flows];
    if (change < CONVERGED_VEH_PER_S) break;
  }
  return flows;
}

/** Flow of each movement given the flows on the links, vehicles per second. */
export function movementFlowsVehPerS(net: SimNetwork, linkFlowsVehPerS: Float64Array): Float64Array {
  const { fromLink } = net.movements;
  return Float64Array.from(net.movementExitShare, (share, m) => linkFlowsVehPerS[fromLink[m]!]! * share);
}
