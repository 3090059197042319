/**
 * One step of the cell transmission model (Daganzo 1994/95) over the whole
 * network, with point queues for trips waiting to enter.
 *
 * Within a link, the flow from cell i to cell i+1 is min(sending_i,
 * receiving_{i+1}): sending = min(vf·dt/dx · n, capacity), receiving =
 * min(capacity, w·dt/dx · (n_max − n)). A full cell receives nothing, so a
 * queue backs up cell by cell and, through the node model, into the links
 * upstream (spillback).
 *
 * At a node, the last cell's sending flow of each in-link splits by turning
 * fraction over the in-link's movements and the trips ending at the node:
 * - a movement carries its share only while its gate is open (green or
 *   yellow), and each out-link's receiving flow is shared among the
 *   movements entering it in proportion to their demand;
 * - trips ending leave the network at the pace of the open movements (their
 *   drivers cross with the others, then park), but need no room downstream —
 *   so even a gridlocked crossing keeps draining on green.
 * Vehicles are not told apart by where they go: the share held on red stays
 * in the mix and is offered again next step.
 * Movements of one in-link do not block each other (the model is not FIFO
 * across movements), with one exception that makes a queue a queue: where
 * a link has a left-turn bay (turn-pockets.ts) its left turners leave the
 * stream at the entry of the last cell for the bay, a point queue that
 * discharges on its own green at its own lanes' saturation flow, and once
 * the bay is full the stream into the last cell stops with them — the left
 * turner waiting for room in the bay blocks the through lane (spillback).
 *
 * New trips wait in a point queue at their node (they are in the system
 * while they wait) and merge into the node's out-links like one more
 * approach, sharing the receiving flow in proportion to demand. Into one
 * link they enter at no more than SOURCE_CAPACITY_SHARE of its capacity: they
 * come from side streets and car parks, not a full road — except at boundary
 * nodes, where the road from outside the modelled area is a full road.
 *
 * All flows are computed from the state at the start of the step, so the
 * result does not depend on the order of the loops. The step allocates
 * nothing.
 */
import type { LinkAccumulators } from './metrics';
import type { SimNetwork } from './network';

/** Most of a link's capacity that new trips from an interior node may take in one step. */
const SOURCE_CAPACITY_SHARE = 0.5;

export class CellTransmissionModel {
  /** Vehicles in each cell. */
  readonly vehicles: Float64Array;
  /** What each cell can pass in one step, vehicles; incidents lower it. */
  readonly cellCapacityVeh: Float64Array;
  /** New trips waiting at each node to enter the network, vehicles. */
  private readonly waitingVeh: Float64Array;
  /** Vehicles created so far: trips started, and any initial load. */
  created = 0;
  /** Vehicles removed so far: trips ended. */
  removed = 0;

  // Scratch for one step, reused.
  private readonly sendVeh: Float64Array;
  private readonly receiveVeh: Float64Array;
  private readonly linkInVeh: Float64Array;
  private readonly linkOutVeh: Float64Array;
  private readonly movedVeh: Float64Array;
  private readonly outDemandVeh: Float64Array;
  private readonly movementDemandVeh: Float64Array;
  private readonly sourceDemandVeh: Float64Array;
  /** Per link: the share of its capacity new trips from its upstream node may take. */
  private readonly sourceCapacityShare: Float64Array;
  /** Per in-link: the share of its continuing traffic whose movement is open this step (1 where every trip ends). */
  private readonly openShare: Float64Array;
  /** What `openShare` starts each step from: 1 for links whose every trip ends, which have no movements. */
  private readonly openShareBase: Float64Array;
  /** Vehicles in each left-turn bay (see net.pockets). */
  readonly pocketVeh: Float64Array;
  /** Per bay this step: vehicles turning in, vehicles wanting out, vehicles leaving. */
  private readonly pocketInVeh: Float64Array;
  private readonly pocketDemandVeh: Float64Array;
  private readonly pocketOutVeh: Float64Array;

  /**
   * @param net the compiled network
   * @param peakSourceRateVehPerS trips started at each node at demand factor 1, vehicles per second
   */
  constructor(
    private readonly net: SimNetwork,
    private readonly peakSourceRateVehPerS: Float64Array,
  ) {
    const { links, movements, cellCount } = net;
    this.vehicles = new Float64Array(cellCount);
    this.cellCapacityVeh = new Float64Array(cellCount);
    for (let l = 0; l < links.count; l++) {
      this.cellCapacityVeh.fill(links.capacityVehPerS[l]! * net.stepS, links.cellStart[l], links.cellStart[l + 1]);
    }
    this.waitingVeh = new Float64Array(net.nodes.count);
    this.sendVeh = new Float64Array(links.count);
    this.receiveVeh = new Float64Array(links.count);
    this.linkInVeh = new Float64Array(links.count);
    this.linkOutVeh = new Float64Array(links.count);
    this.movedVeh = new Float64Array(links.count);
    this.outDemandVeh = new Float64Array(links.count);
    this.movementDemandVeh = new Float64Array(movements.count);
    this.sourceDemandVeh = new Float64Array(links.count);
    this.sourceCapacityShare = Float64Array.from(links.fromNode, (node) =>
      net.nodes.isBoundary[node] ? 1 : SOURCE_CAPACITY_SHARE,
    );
    this.pocketVeh = new Float64Array(net.pockets.count);
    this.pocketInVeh = new Float64Array(net.pockets.count);
    this.pocketDemandVeh = new Float64Array(net.pockets.count);
    this.pocketOutVeh = new Float64Array(net.pockets.count);
    this.openShare = new Float64Array(links.count);
    this.openShareBase = Float64Array.from(links.tripEndShare, (share) => (share === 1 ? 1 : 0));
  }

  /** Puts vehicles into a link's cells, `vehPerCell` in each, counted as created. */
  load(link: number, vehPerCell: number): void {
    const { cellStart, cellMaxVeh } = this.net.links;
    for (let c = cellStart[link]!; c < cellStart[link + 1]!; c++) {
      const added = Math.min(vehPerCell, cellMaxVeh[link]! - this.vehicles[c]!);
      this.vehicles[c]! += added;
      this.created += added;
    }
  }

  /** Vehicles on the links and waiting to enter. */
  vehiclesInSystem(): number {
    let total = 0;
    for (const v of this.vehicles) total += v;
    for (const v of this.waitingVeh) total += v;
    for (const v of this.pocketVeh) total += v;
    return total;
  }

  /**
   * Advances one step.
   *
   * @param demandFactor the daily profile's factor for this step (1 = peak hour)
   * @param gates per movement, 1 while it may flow, 0 while held
   * @param acc per-link sums for the metrics, added to
   */
  step(demandFactor: number, gates: Uint8Array, acc: LinkAccumulators): void {
    this.linkFlows(acc);
    this.newTrips(demandFactor);
    this.nodeFlows(gates);
    this.applyEnds(acc);
  }

  /**
   * Moves vehicles between the cells inside each link, and notes what each
   * link can send and receive at its ends. Works along each link from
   * upstream, keeping every cell's content from the start of the step in a
   * local until both flows touching it are known, so it updates in place.
   */
  private linkFlows(acc: LinkAccumulators): void {
    const { cellStart, sendRatio, waveRatio, cellMaxVeh } = this.net.links;
    const n = this.vehicles;
    const cap = this.cellCapacityVeh;
    const vehSeconds = acc.vehSeconds;
    const stepS = this.net.stepS;
    const pocketOf = this.net.pockets.ofLink;
    for (let l = 0; l < cellStart.length - 1; l++) {
      const first = cellStart[l]!;
      const end = cellStart[l + 1]!;
      const pocket = pocketOf[l]!;
      // A link with a bay has its last cell's inflow worked out below, where part of it turns into the bay.
      const plainEnd = pocket < 0 ? end : end - 1;
      const a = sendRatio[l]!;
      const b = waveRatio[l]!;
      const nMax = cellMaxVeh[l]!;
      let nBefore = n[first]!; // content at the start of the step of the cell behind the current one
      const capFirst = cap[first]!;
      const room = b * (nMax - nBefore);
      this.receiveVeh[l] = room < capFirst ? room : capFirst;
      let send = a * nBefore < capFirst ? a * nBefore : capFirst;
      let inflow = 0; // into the cell behind, from its upstream neighbour
      let onLink = nBefore;
      let moved = 0;
      for (let c = first + 1; c < plainEnd; c++) {
        const nHere = n[c]!;
        const capHere = cap[c]!;
        const space = b * (nMax - nHere);
        const receive = space < capHere ? space : capHere;
        const f = send < receive ? send : receive;
        n[c - 1] = nBefore - f + inflow;
        inflow = f;
        moved += f;
        onLink += nHere;
        send = a * nHere < capHere ? a * nHere : capHere;
        nBefore = nHere;
      }
      if (pocket >= 0) {
        const nHere = n[end - 1]!;
        const capHere = cap[end - 1]!;
        const space = b * (nMax - nHere);
        const receive = space < capHere ? space : capHere;
        const intoBay = this.net.pocketDivertShare[pocket]!;
        const bayRoom = this.net.pockets.maxVeh[pocket]! - this.pocketVeh[pocket]!;
        // The stream moves only as far as both its parts find room: the cell for the rest, the bay for the left turners.
        let f = send;
        if (f * (1 - intoBay) > receive) f = receive / (1 - intoBay);
        if (f * intoBay > bayRoom) f = bayRoom > 0 ? bayRoom / intoBay : 0;
        n[end - 2] = nBefore - f + inflow;
        this.pocketInVeh[pocket] = f * intoBay;
        inflow = f * (1 - intoBay);
        moved += f;
        onLink += nHere + this.pocketVeh[pocket]!;
        send = a * nHere < capHere ? a * nHere : capHere;
        nBefore = nHere;
      }
      n[end - 1] = nBefore + inflow;
      this.sendVeh[l] = send;
      this.movedVeh[l] = moved;
      vehSeconds[l]! += onLink * stepS;
    }
  }

  /** New trips join their node's queue; each out-link is offered its share of the queue. */
  private newTrips(demandFactor: number): void {
    const { fromNode, sourceShare } = this.net.links;
    const waiting = this.waitingVeh;
    const rate = this.peakSourceRateVehPerS;
    const factor = demandFactor * this.net.stepS;
    let created = 0;
    for (let k = 0; k < waiting.length; k++) {
      const arriving = rate[k]! * factor;
      waiting[k]! += arriving;
      created += arriving;
    }
    this.created += created;
    const { cellStart } = this.net.links;
    for (let l = 0; l < fromNode.length; l++) {
      const want = waiting[fromNode[l]!]! * sourceShare[l]!;
      const most = this.sourceCapacityShare[l]! * this.cellCapacityVeh[cellStart[l]!]!;
      this.sourceDemandVeh[l] = want < most ? want : most;
    }
  }

  /**
   * Trips ending, then movements and new trips entering each out-link,
   * sharing its receiving flow by demand.
   */
  private nodeFlows(gates: Uint8Array): void {
    const { fromNode } = this.net.links;
    const { fromLink, toLink } = this.net.movements;
    const cellEndShare = this.net.linkCellEndShare;
    const openWeight = this.net.movementOpenWeight;
    const send = this.sendVeh;
    const out = this.linkOutVeh;
    const inflow = this.linkInVeh;
    const demand = this.movementDemandVeh;
    const outDemand = this.outDemandVeh;
    const source = this.sourceDemandVeh;
    const cellShare = this.net.movementCellShare;
    const receive = this.receiveVeh;
    const waiting = this.waitingVeh;

    const open = this.openShare;
    open.set(this.openShareBase);
    outDemand.set(source);
    for (let m = 0; m < demand.length; m++) {
      if (!gates[m]) {
        demand[m] = 0;
        continue;
      }
      const from = fromLink[m]!;
      const d = send[from]! * cellShare[m]!;
      demand[m] = d;
      outDemand[toLink[m]!]! += d;
      open[from]! += openWeight[m]!;
    }
    const pockets = this.net.pockets;
    const bayDemand = this.pocketDemandVeh;
    for (let p = 0; p < bayDemand.length; p++) {
      const m = pockets.movement[p]!;
      if (!gates[m]) {
        bayDemand[p] = 0;
        continue;
      }
      const most = this.cellCapacityVeh[this.net.links.cellStart[fromLink[m]! + 1]! - 1]! * pockets.laneShare[p]!;
      const d = this.pocketVeh[p]! < most ? this.pocketVeh[p]! : most;
      bayDemand[p] = d;
      outDemand[toLink[m]!]! += d;
    }
    let removed = 0;
    for (let l = 0; l < send.length; l++) {
      const ending = send[l]! * cellEndShare[l]! * open[l]!;
      out[l] = ending;
      removed += ending;
    }
    this.removed += removed;
    // From here on outDemand holds the share of its demand each out-link accepts.
    for (let l = 0; l < outDemand.length; l++) {
      const d = outDemand[l]!;
      outDemand[l] = d > receive[l]! ? receive[l]! / d : 1;
    }
    for (let l = 0; l < inflow.length; l++) {
      const entering = source[l]! * outDemand[l]!;
      inflow[l] = entering;
      const k = fromNode[l]!;
      const left = waiting[k]! - entering;
      // A node's shares of its queue sum to 1 only up to rounding; a queue never goes below empty.
      waiting[k] = left > 0 ? left : 0;
    }
    for (let m = 0; m < demand.length; m++) {
      const d = demand[m]!;
      if (d === 0) continue;
      const to = toLink[m]!;
      const f = d * outDemand[to]!;
      out[fromLink[m]!]! += f;
      inflow[to]! += f;
    }
    for (let p = 0; p < bayDemand.length; p++) {
      const to = toLink[pockets.movement[p]!]!;
      const f = bayDemand[p]! * outDemand[to]!;
      this.pocketOutVeh[p] = f;
      inflow[to]! += f;
    }
    // Likewise an in-link's turning fractions; never send more than the cell offered.
    for (let l = 0; l < out.length; l++) if (out[l]! > send[l]!) out[l] = send[l]!;
  }

  /** Applies the flows at the ends of each link and adds distance, entries and exits to the accumulators. */
  private applyEnds(acc: LinkAccumulators): void {
    const { cellStart, cellLengthM } = this.net.links;
    const n = this.vehicles;
    const { vehMetres, exitVeh, entryVeh } = acc;
    for (let l = 0; l < cellStart.length - 1; l++) {
      const leaving = this.linkOutVeh[l]!;
      const entering = this.linkInVeh[l]!;
      n[cellStart[l]!]! += entering;
      entryVeh[l]! += entering;
      n[cellStart[l + 1]! - 1]! -= leaving;
      vehMetres[l]! += cellLengthM[l]! * (this.movedVeh[l]! + leaving);
      exitVeh[l]! += leaving;
    }
    const pockets = this.net.pockets;
    for (let p = 0; p < pockets.count; p++) {
      const l = pockets.link[p]!;
      const leaving = this.pocketOutVeh[p]!;
      this.pocketVeh[p]! += this.pocketInVeh[p]! - leaving;
      vehMetres[l]! += cellLengthM[l]! * leaving;
      exitVeh[l]! += leaving;
    }
    acc.durationS += this.net.stepS;
  }
}
