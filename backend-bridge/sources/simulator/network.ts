/**
 * The road graph compiled for the simulator: flat typed arrays indexed by
 * link, cell, node and movement, so the step loop touches no objects.
 *
 * A link's index is its position in `meta.links`, a node's its position in
 * `meta.nodes`. The cells of link l are cellStart[l] … cellStart[l + 1] − 1,
 * upstream to downstream.
 */
import type { CityMeta } from '../../protocol';
import { cellParams } from './fundamental-diagram';
import { type MovementTable, buildMovements } from './movements';
import { type TurnPockets, buildTurnPockets } from './turn-pockets';

/** Length of one simulation step, seconds. */
const STEP_S = 1;

export interface SimLinks {
  count: number;
  ids: readonly string[];
  lanes: Float64Array;
  lengthM: Float64Array;
  freeSpeedMps: Float64Array;
  /** Capacity the model uses, vehicles per second (see `cellParams`). */
  capacityVehPerS: Float64Array;
  /** count + 1 offsets into the cell arrays. */
  cellStart: Int32Array;
  cellLengthM: Float64Array;
  sendRatio: Float64Array;
  waveRatio: Float64Array;
  cellMaxVeh: Float64Array;
  fromNode: Int32Array;
  toNode: Int32Array;
  /** Index into `SimNetwork.districtIds`. */
  district: Int32Array;
  /** Share of the vehicles leaving the link whose trip ends at its downstream node. */
  tripEndShare: Float64Array;
  /** Share of its upstream node's waiting new trips that enter the network on this link. */
  sourceShare: Float64Array;
}

export interface SimNodes {
  count: number;
  ids: readonly string[];
  xM: Float64Array;
  yM: Float64Array;
  district: Int32Array;
  signalized: Uint8Array;
  /**
   * Entry/exit points at the edge of the modelled area: nodes joined to one
   * single neighbour. Every vehicle reaching one leaves; new trips there are
   * through traffic entering the city.
   */
  isBoundary: Uint8Array;
  inLinks: readonly (readonly number[])[];
  outLinks: readonly (readonly number[])[];
}

export interface SimNetwork {
  stepS: number;
  cellCount: number;
  links: SimLinks;
  nodes: SimNodes;
  movements: MovementTable;
  /** The city centre, metres: the mean position of the signalized nodes (of all nodes when none is signalized). */
  centreXM: number;
  centreYM: number;
  /** Share of an in-link's exit flow taking each movement: its turning fraction × the trips not ending. */
  movementExitShare: Float64Array;
  /** Left-turn bays at the ends of the wider approaches to signals. */
  pockets: TurnPockets;
  /**
   * Share of a link's last-cell sending flow taking each movement: its exit
   * share, renormalised on a link with a bay (whose left turners are no
   * longer in that cell; 0 for the bay's own movement).
   */
  movementCellShare: Float64Array;
  /** Share of a link's last-cell sending flow whose trip ends at the node. */
  linkCellEndShare: Float64Array;
  /** Share of the last cell's continuing traffic each movement takes (0 for a bay's movement). */
  movementOpenWeight: Float64Array;
  /** Per bay: the share of the flow into its link's last cell that turns into the bay. */
  pocketDivertShare: Float64Array;
  /** What each movement discharges at on green with a standing queue, vehicles per second. */
  movementSaturationVehPerS: Float64Array;
  districtIds: readonly string[];
  linkIndex: ReadonlyMap<string, number>;
  nodeIndex: ReadonlyMap<string, number>;
  movementIndex: ReadonlyMap<string, number>;
}

export interface NetworkOptions {
  /** Seed of the turning-fraction jitter; unsigned 32-bit integer. */
  seed: number;
  /**
   * Share of the vehicles reaching an interior node whose trip ends there
   * (they park or turn into a side street the model does not hold).
   * In [0, 1). @default 0.1 — a trip of about ten links, some 5–6 km in the demo city
   */
  tripEndShare?: number;
}

const DEFAULT_TRIP_END_SHARE = 0.1;

/** Compiles a validated city (ids unique, references resolved: see `checkCityMeta`). */
export function compileNetwork(meta: CityMeta, options: NetworkOptions): SimNetwork {
  const tripEndShare = options.tripEndShare ?? DEFAULT_TRIP_END_SHARE;
  if (!(tripEndShare >= 0 && tripEndShare < 1)) {
    throw new RangeError(`tripEndShare must be in [0, 1), got ${tripEndShare}`);
  }
  const districtIds = meta.districts.map((d) => d.id);
  const districtIndex = indexById(districtIds);
  const nodeIndex = indexById(meta.nodes.map((n) => n.id));
  const linkIds = meta.links.map((l) => l.id);
  const nodeCount = meta.nodes.length;
  const linkCount = meta.links.length;

  const fromNode = Int32Array.from(meta.links, (l) => nodeIndex.get(l.fromNodeId)!);
  const toNode = Int32Array.from(meta.links, (l) => nodeIndex.get(l.toNodeId)!);
  const inLinks = Array.from({ length: nodeCount }, (): number[] => []);
  const outLinks = Array.from({ length: nodeCount }, (): number[] => []);
  for (let l = 0; l < linkCount; l++) {
    outLinks[fromNode[l]!]!.push(l);
    inLinks[toNode[l]!]!.push(l);
  }
  const isBoundary = Uint8Array.from({ length: nodeCount }, (_, n) => {
    const neighbours = new Set([...outLinks[n]!.map((l) => toNode[l]!), ...inLinks[n]!.map((l) => fromNode[l]!)]);
    return neighbours.size === 1 ? 1 : 0;
  });
  const isPureSink = Uint8Array.from({ length: nodeCount }, (_, n) => (isBoundary[n] || outLinks[n]!.length === 0 ? 1 : 0));

  const params = meta.links.map((link) => cellParams(link, STEP_S));
  const cellStart = new Int32Array(linkCount + 1);
  params.forEach((p, l) => (cellStart[l + 1] = cellStart[l]! + p.cellCount));
  const perLink = (value: (l: number) => number) => Float64Array.from({ length: linkCount }, (_, l) => value(l));
  const lanes = perLink((l) => meta.links[l]!.lanes);

  const nodes: SimNodes = {
    count: nodeCount,
    ids: meta.nodes.map((n) => n.id),
    xM: Float64Array.from(meta.nodes, (n) => n.xM),
    yM: Float64Array.from(meta.nodes, (n) => n.yM),
    district: Int32Array.from(meta.nodes, (n) => districtIndex.get(n.districtId)!),
    signalized: Uint8Array.from(meta.nodes, (n) => (n.signalized ? 1 : 0)),
    isBoundary,
    inLinks,
    outLinks,
  };
  const signals = meta.nodes.filter((n) => n.signalized);
  const central = signals.length > 0 ? signals : meta.nodes;
  const centreXM = central.reduce((sum, n) => sum + n.xM, 0) / central.length;
  const centreYM = central.reduce((sum, n) => sum + n.yM, 0) / central.length;
  const movements = buildMovements(
    {
      nodeCount,
      nodeXM: nodes.xM,
      nodeYM: nodes.yM,
      linkIds,
      linkFromNode: fromNode,
      linkToNode: toNode,
      linkLanes: lanes,
      inLinks,
      outLinks,
      isPureSink,
      centreXM,
      centreYM,
    },
    options.seed,
  );
  const capacityVehPerS = perLink((l) => params[l]!.capacityVehPerS);
  const outCapacityVehPerS = outLinks.map((links) => links.reduce((sum, l) => sum + capacityVehPerS[l]!, 0));

  const links: SimLinks = {
    count: linkCount,
    ids: linkIds,
    lanes,
    lengthM: perLink((l) => meta.links[l]!.lengthM),
    freeSpeedMps: perLink((l) => params[l]!.freeSpeedMps),
    capacityVehPerS,
    cellStart,
    cellLengthM: perLink((l) => params[l]!.cellLengthM),
    sendRatio: perLink((l) => params[l]!.sendRatio),
    waveRatio: perLink((l) => params[l]!.waveRatio),
    cellMaxVeh: perLink((l) => params[l]!.cellMaxVeh),
    fromNode,
    toNode,
    district: Int32Array.from(meta.links, (l) => districtIndex.get(l.districtId)!),
    tripEndShare: perLink((l) => (isPureSink[toNode[l]!] ? 1 : tripEndShare)),
    // New trips spread over a node's exits in proportion to what each can carry.
    sourceShare: perLink((l) => capacityVehPerS[l]! / outCapacityVehPerS[fromNode[l]!]!),
  };
  const pockets = buildTurnPockets(links, nodes.signalized, movements);
  const net: SimNetwork = {
    stepS: STEP_S,
    cellCount: cellStart[linkCount]!,
    links,
    nodes,
    movements,
    centreXM,
    centreYM,
    movementExitShare: new Float64Array(movements.count),
    pockets,
    movementCellShare: new Float64Array(movements.count),
    linkCellEndShare: new Float64Array(linkCount),
    movementOpenWeight: new Float64Array(movements.count),
    pocketDivertShare: new Float64Array(pockets.count),
    movementSaturationVehPerS: new Float64Array(movements.count),
    districtIds,
    linkIndex: indexById(linkIds),
    nodeIndex,
    movementIndex: indexById(movements.ids),
  };
  deriveShares(net);
  return net;
}

/**
 * Recomputes everything that follows from the turning fractions
 * (`movements.share`): call after changing them. Allocates nothing.
 */
export function deriveShares(net: SimNetwork): void {
  const { links, movements, pockets } = net;
  const exitShare = net.movementExitShare;
  for (let m = 0; m < movements.count; m++) exitShare[m] = movements.share[m]! * (1 - links.tripEndShare[movements.fromLink[m]!]!);
  net.linkCellEndShare.set(links.tripEndShare);
  for (let p = 0; p < pockets.count; p++) {
    const l = pockets.link[p]!;
    net.pocketDivertShare[p] = exitShare[pockets.movement[p]!]!;
    net.linkCellEndShare[l] = links.tripEndShare[l]! / (1 - net.pocketDivertShare[p]!);
  }
  for (let m = 0; m < movements.count; m++) {
    const l = movements.fromLink[m]!;
    const p = pockets.ofLink[l]!;
    const capacity = links.capacityVehPerS[l]!;
    if (p < 0) {
      net.movementCellShare[m] = exitShare[m]!;
      net.movementOpenWeight[m] = movements.share[m]!;
      net.movementSaturationVehPerS[m] = capacity * exitShare[m]!;
    } else if (pockets.movement[p] === m) {
      net.movementCellShare[m] = 0;
      net.movementOpenWeight[m] = 0;
      net.movementSaturationVehPerS[m] = capacity * pockets.laneShare[p]!;
    } else {
      const left = pockets.movement[p]!;
      net.movementCellShare[m] = exitShare[m]! / (1 - net.pocketDivertShare[p]!);
      net.movementOpenWeight[m] = movements.share[m]! / (1 - movements.share[left]!);
      net.movementSaturationVehPerS[m] = capacity * net.movementCellShare[m]!;
    }
  }
}

function indexById(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}
