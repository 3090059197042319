/**
 * The simulator's signalized intersections as the bridge sees any source's:
 * plans, state, movements, what a detector at each approach would measure,
 * and plan changes handed to the sim's signal control.
 *
 * Measurements come from the CTM's own sums over the last few sim minutes
 * (see LinkWindow):
 * - an approach's volume is the vehicles leaving the in-link into the node;
 * - a movement's arrival flow is the vehicles entering its in-link times the
 *   movement's share of them, and its saturation flow what the model
 *   discharges it at: the in-link's capacity times that same share (a mixed
 *   queue), or a left-turn bay's lanes' share of it (turn-pockets.ts);
 * - control delay is the time spent on the in-links beyond what the distance
 *   covered takes at free speed, divided by the vehicles that left them.
 */
import type { Movement, SignalPlan, SignalState } from '../../protocol/signals';
import type { Actuation, IntersectionMeasure, SignalAccess } from '../signal-access';
import type { WindowSums } from './link-window';
import type { TrafficSim } from './traffic-sim';

export class SimSignalAccess implements SignalAccess {
  private readonly signalized: readonly string[];
  private readonly scratch: WindowSums = { vehSeconds: 0, vehMetres: 0, exitVeh: 0, entryVeh: 0, windowS: 0 };

  constructor(private readonly sim: TrafficSim) {
    const { nodes, movements } = sim.network;
    this.signalized = nodes.ids.filter((_, n) => nodes.signalized[n] && movements.nodeStart[n + 1]! > movements.nodeStart[n]!);
  }

  nodeIds(): readonly string[] {
    return this.signalized;
  }

  runningPlan(nodeId: string): SignalPlan {
    return this.sim.runningPlan(nodeId);
  }

  pending(nodeId: string): { plan: SignalPlan; effectiveSimTimeMs: number } | undefined {
    return this.sim.pendingPlan(nodeId);
  }

  state(nodeId: string): SignalState {
    return this.sim.signalState(nodeId);
  }

  movements(nodeId: string): Movement[] {
    return this.sim.movements(nodeId);
  }

  measure(nodeId: string): IntersectionMeasure {
    const net = this.sim.network;
    const node = net.nodeIndex.get(nodeId);
    if (node === undefined) throw new RangeError(`unknown node ${JSON.stringify(nodeId)}`);
    const entryPerHour = new Map<number, number>();
    let delayVehS = 0;
    let servedVeh = 0;
    const approaches = net.nodes.inLinks[node]!.map((link) => {
      const sums = this.sim.recentLinkSums(link, this.scratch);
      const perHour = sums.windowS > 0 ? 3600 / sums.windowS : 0;
      entryPerHour.set(link, sums.entryVeh * perHour);
      delayVehS += Math.max(0, sums.vehSeconds - sums.vehMetres / net.links.freeSpeedMps[link]!);
      servedVeh += sums.exitVeh;
      return { linkId: net.links.ids[link]!, volumeVehPerH: sums.exitVeh * perHour, queueVeh: this.sim.queueVeh(link) };
    });
    const movements = [];
    for (let m = net.movements.nodeStart[node]!; m < net.movements.nodeStart[node + 1]!; m++) {
      const link = net.movements.fromLink[m]!;
      movements.push({
        movementId: net.movements.ids[m]!,
        flowVehPerH: entryPerHour.get(link)! * net.movementExitShare[m]!,
        saturationFlowVehPerH: net.movementSaturationVehPerS[m]! * 3600,
        ...(net.pockets.ofMovement[m]! >= 0 && { ownQueue: true }),
      });
    }
    return {
      simTimeMs: this.sim.simTimeMs,
      approaches,
      movements,
      delayPerVehS: servedVeh > 0 ? delayVehS / servedVeh : 0,
    };
  }

  /** Hands the node's phases to max-pressure or back to its plan; throws RangeError for a node without a signal. */
  setActuation(nodeId: string, actuation: Actuation): void {
    this.sim.setActuation(nodeId, actuation);
  }

  /** Queues the plan for the node's next cycle boundary; throws a ValidationError naming what the sim refuses. */
  apply(plan: SignalPlan): Promise<{ effectiveSimTimeMs: number }> {
    try {
      this.sim.setPlan(plan.nodeId, plan);
      // At a boundary instant the plan takes over at once and nothing is left pending.
      const effectiveSimTimeMs = this.sim.pendingPlan(plan.nodeId)?.effectiveSimTimeMs ?? this.sim.simTimeMs;
      return Promise.resolve({ effectiveSimTimeMs });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
