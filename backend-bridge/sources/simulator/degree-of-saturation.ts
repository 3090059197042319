/**
 * Degree of saturation x = v / c of the signalized crossings: how close the
 * demand comes to what the running plans let through. An engineer calls a
 * crossing near capacity at x ≈ 0.9–1.0; above 1 its queues grow for as
 * long as the demand lasts.
 *
 * Two figures per crossing, both on the movements' flow ratios y = v / s,
 * s being the saturation flow the simulator discharges a movement at
 * (network.ts — the in-link's capacity times the movement's share for a
 * mixed queue, a bay's lanes for a turn in a bay):
 *
 * - critical x, the load of the crossing itself: Xc = Σ y_crit · C / (C − L)
 *   over the plan's phases (y_crit the largest y a phase serves, L the
 *   yellows and all-reds) — the x every critical movement would run at if
 *   the greens were split in proportion to demand within the plan's cycle
 *   (Webster; minimum greens aside). It says whether the demand fits the
 *   crossing, whatever the split. A movement served in more than one phase
 *   counts in each, which can only overstate Xc; the default plans serve
 *   each movement in one.
 * - split x, the load under the plan as it is: the largest v / (s · g / C)
 *   over the movements, g the green of the phases serving it (the default
 *   plans split C − L, so a phase's green is its effective green). Above Xc
 *   where the split does not match the demand.
 *
 * Minimum greens and pedestrian clearances are not in Xc: a crossing whose
 * pedestrians hold most of the cycle can be over capacity at Xc below 1.
 * Nor is one thing the simulator does: it does not tell a mixed queue's
 * vehicles apart (ctm.ts), so where a movement of a mixed queue gets less
 * green than its demand needs, the approach's other movements pass in its
 * place, and the approach as a whole carries more than the movement's x
 * says. The figures are what an engineer's lane-group analysis gives.
 *
 * v is the uncongested demand (tidal-demand.ts), not what was measured: a
 * crossing whose queues back up from downstream passes less than it is
 * asked to, and its measured flow would understate the load.
 */
import type { SignalPlan } from '../../protocol/signals';
import type { SimNetwork } from './network';

export interface CrossingSaturation {
  nodeId: string;
  /** Σ y_crit · C / (C − L): x at a split in proportion to demand. */
  criticalX: number;
  /** Largest v / c over the crossing's movements under the plan's greens; Infinity when a movement with demand never gets green. */
  splitX: number;
  /** The movement with the largest split x. */
  movementId: string;
}

/**
 * x of every crossing that has a plan, the largest critical x first.
 *
 * @param plans the plan each signalized node runs, keyed by node id
 * @param demandVehPerS demand flow of each movement, indexed like `net.movements`, vehicles per second
 */
export function crossingSaturations(
  net: SimNetwork,
  plans: ReadonlyMap<string, SignalPlan>,
  demandVehPerS: Float64Array,
): CrossingSaturation[] {
  if (demandVehPerS.length !== net.movements.count) {
    throw new RangeError(`demandVehPerS must have one flow per movement (${net.movements.count}), got ${demandVehPerS.length}`);
  }
  const result: CrossingSaturation[] = [];
  for (const [nodeId, plan] of plans) {
    const node = net.nodeIndex.get(nodeId);
    if (node === undefined) throw new RangeError(`plan for unknown node ${JSON.stringify(nodeId)}`);
    const greenS = new Map<number, number>();
    let sumCriticalY = 0;
    let lostS = 0;
    for (const phase of plan.phases) {
      let criticalY = 0;
      for (const id of phase.movementIds) {
        const m = net.movementIndex.get(id);
        if (m === undefined) throw new RangeError(`plan of ${nodeId} names unknown movement ${JSON.stringify(id)}`);
        greenS.set(m, (greenS.get(m) ?? 0) + phase.greenS);
        if (demandVehPerS[m]! > 0) criticalY = Math.max(criticalY, demandVehPerS[m]! / net.movementSaturationVehPerS[m]!);
      }
      sumCriticalY += criticalY;
      lostS += phase.yellowS + phase.allRedS;
    }
    let splitX = 0;
    let movementId = '';
    for (let m = net.movements.nodeStart[node]!; m < net.movements.nodeStart[node + 1]!; m++) {
      const demand = demandVehPerS[m]!;
      if (demand <= 0) continue;
      const capacityVehPerS = (net.movementSaturationVehPerS[m]! * (greenS.get(m) ?? 0)) / plan.cycleS;
      const x = capacityVehPerS > 0 ? demand / capacityVehPerS : Infinity;
      if (x > splitX) [splitX, movementId] = [x, net.movements.ids[m]!];
    }
    result.push({ nodeId, criticalX: (sumCriticalY * plan.cycleS) / (plan.cycleS - lostS), splitX, movementId });
  }
  return result.sort((a, b) => b.criticalX - a.criticalX);
}
