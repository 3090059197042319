/**
 * What max-pressure weighs at a simulated intersection, read from the CTM's
 * cells: for each movement of a phase, the vehicles on its in-link that want
 * it (the link's vehicles times the movement's share of them, plus a left
 * turn's bay) less the vehicles downstream as Varaiya counts them (the
 * queues of the next link's movements, each weighted by its turning share),
 * weighted by the lanes' worth of discharge the movement gets (Varaiya
 * weighs each movement by its saturation flow). The rule itself is
 * signals/max-pressure.ts.
 */
import { type MovementQueue, phasePressure } from '../../signals/max-pressure';
import type { SimNetwork } from './network';

/** A bay this full blocks its link's through lanes (the CTM lets it fill only asymptotically). */
const BAY_FULL_SHARE = 0.95;

export class MovementPressure {
  /** Scratch movement counts, reused at every decision. */
  private readonly queues: MovementQueue[] = [];

  constructor(
    private readonly net: SimNetwork,
    /** Vehicles in each cell (the CTM's, read live). */
    private readonly cellVeh: Float64Array,
    /** Vehicles in each left-turn bay (the CTM's, read live). */
    private readonly bayVeh: Float64Array,
  ) {}

  /** One pressure per phase, into `result`; a phase with no movements (pedestrians only) has none. */
  phasePressures(phaseMovements: readonly Int32Array[], result: number[]): number[] {
    const { links, movements, movementSaturationVehPerS } = this.net;
    result.length = phaseMovements.length;
    for (let p = 0; p < phaseMovements.length; p++) {
      const phase = phaseMovements[p]!;
      while (this.queues.length < phase.length) this.queues.push({ upstreamVeh: 0, downstreamVeh: 0, capacityLanes: 1 });
      const queues = this.queues.slice(0, phase.length);
      phase.forEach((m, i) => {
        const from = movements.fromLink[m]!;
        const queue = queues[i]!;
        queue.upstreamVeh = this.wantingVeh(m);
        queue.downstreamVeh = this.onwardVeh(movements.toLink[m]!);
        queue.capacityLanes = movementSaturationVehPerS[m]! / (links.capacityVehPerS[from]! / links.lanes[from]!);
      });
      result[p] = phasePressure(queues);
    }
    return result;
  }

  /**
   * Vehicles on a movement's in-link that want it: the link's cells times
   * its share, and its bay. While a bay is full its link is one queue
   * behind the left turner waiting for room: everything upstream of the bay
   * waits for the left turn, and the other movements have only the last
   * cell to send.
   */
  private wantingVeh(m: number): number {
    const { links, movements, pockets, movementExitShare, movementCellShare } = this.net;
    const link = movements.fromLink[m]!;
    const first = links.cellStart[link]!;
    const last = links.cellStart[link + 1]! - 1;
    let upstreamVeh = 0;
    for (let c = first; c < last; c++) upstreamVeh += this.cellVeh[c]!;
    const bay = pockets.ofLink[link]!;
    if (bay >= 0 && this.bayVeh[bay]! >= pockets.maxVeh[bay]! * BAY_FULL_SHARE) {
      return pockets.movement[bay] === m ? this.bayVeh[bay]! + upstreamVeh : this.cellVeh[last]! * movementCellShare[m]!;
    }
    const ownBay = pockets.ofMovement[m]!;
    return (upstreamVeh + this.cellVeh[last]!) * movementExitShare[m]! + (ownBay < 0 ? 0 : this.bayVeh[ownBay]!);
  }

  /**
   * What a movement sends its vehicles into, as Varaiya counts it: the
   * queues of the link's own movements, each weighted by the share of the
   * arrivals that will join it. A link leaving the modelled area (no
   * movements) counts as empty: what reaches it leaves.
   */
  private onwardVeh(link: number): number {
    const { movements, movementExitShare, links } = this.net;
    const node = links.toNode[link]!;
    let veh = 0;
    for (let p = movements.nodeStart[node]!; p < movements.nodeStart[node + 1]!; p++) {
      if (movements.fromLink[p] === link) veh += movementExitShare[p]! * this.wantingVeh(p);
    }
    return veh;
  }
}
