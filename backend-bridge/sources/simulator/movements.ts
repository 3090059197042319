/**
 * Movements through each node (in-link → out-link), their turn type from the
 * geometry, and turning fractions: how the vehicles leaving an in-link (those
 * whose trip does not end at the node) split over its movements.
 */
import { type Turn, TURNS, movementId } from '../../protocol/signals';
import { Prng } from '../../city/prng';

/** Relative weight of each turn before jitter: traffic mostly goes straight on. */
const TURN_WEIGHT: Record<Turn, number> = { through: 0.55, right: 0.25, left: 0.2, uturn: 1 };
/** Each weight is scaled by a seeded factor in [1 − j, 1 + j], so no two crossings split alike. */
const TURN_JITTER = 0.3;
/**
 * Trips are drawn to the city centre, where the jobs and shops are: a
 * movement's weight is scaled by exp(pull × (distance to the central area
 * gained / link length)), so outside that area a link heading straight in
 * weighs e^(2·pull) times one heading straight out. This is the pull the
 * table is built with; the hour's pull (tidal-demand.ts) replaces it as the
 * day goes on — inward in the morning, outward in the evening.
 */
export const DEFAULT_CENTRE_PULL = 0.5;
/** Within this distance of the centre, metres, trips are at their destination area and no longer drawn further in. */
const CENTRAL_AREA_RADIUS_M = 1500;

export interface MovementTable {
  count: number;
  /** `${inLinkId}>${outLinkId}`, as in the protocol's `Movement.id`. */
  ids: string[];
  fromLink: Int32Array;
  toLink: Int32Array;
  /** Index into TURNS. */
  turn: Uint8Array;
  /** Share of the in-link's continuing flow taking this movement; an in-link's shares sum to 1. */
  share: Float64Array;
  /** Weight of the movement before the centre's pull: its turn's, its out-link's lanes, the seeded jitter. */
  baseWeight: Float64Array;
  /** Distance to the central area its out-link gains, over that link's length, in [−1, 1]. */
  inwardGain: Float64Array;
  /** The movements of node k are nodeStart[k] … nodeStart[k + 1] − 1. */
  nodeStart: Int32Array;
}

/** What movement building needs to know of the graph; links and nodes by index. */
export interface MovementGraph {
  nodeCount: number;
  nodeXM: Float64Array;
  nodeYM: Float64Array;
  linkIds: readonly string[];
  linkFromNode: Int32Array;
  linkToNode: Int32Array;
  linkLanes: Float64Array;
  /** In-links of each node, in link order. */
  inLinks: readonly (readonly number[])[];
  /** Out-links of each node, in link order. */
  outLinks: readonly (readonly number[])[];
  /** Nodes where every arriving vehicle ends its trip: no movements are built there. */
  isPureSink: Uint8Array;
  /** The city centre trips are drawn to, metres. */
  centreXM: number;
  centreYM: number;
}

/**
 * The turn from one direction of travel to another, for right-hand traffic
 * in x-east, y-north coordinates. Compares the cross and dot products rather
 * than an angle so the result is exact: within 45° of straight on is
 * through, beyond 135° a U-turn, a counter-clockwise bend left.
 */
export function classifyTurn(inDx: number, inDy: number, outDx: number, outDy: number): Turn {
  const cross = inDx * outDy - inDy * outDx;
  const dot = inDx * outDx + inDy * outDy;
  if (dot > Math.abs(cross)) return 'through';
  if (-dot >= Math.abs(cross)) return 'uturn';
  return cross > 0 ? 'left' : 'right';
}

/**
 * Builds every movement, node by node. A U-turn (back to where the in-link
 * came from, or any bend sharper than 135°) is only offered where the
 * in-link has no other way out.
 */
export function buildMovements(graph: MovementGraph, seed: number): MovementTable {
  const rng = new Prng(seed, 'turning-fractions');
  const fromLink: number[] = [];
  const toLink: number[] = [];
  const turns: number[] = [];
  const nodeStart = new Int32Array(graph.nodeCount + 1);
  const direction = (link: number): [number, number] => {
    const from = graph.linkFromNode[link]!;
    const to = graph.linkToNode[link]!;
    return [graph.nodeXM[to]! - graph.nodeXM[from]!, graph.nodeYM[to]! - graph.nodeYM[from]!];
  };
  const toCentreM = (node: number) =>
    Math.max(0, Math.hypot(graph.nodeXM[node]! - graph.centreXM, graph.nodeYM[node]! - graph.centreYM) - CENTRAL_AREA_RADIUS_M);
  const gain = (link: number) => {
    const gainedM = toCentreM(graph.linkFromNode[link]!) - toCentreM(graph.linkToNode[link]!);
    return gainedM / Math.max(1, Math.hypot(...direction(link)));
  };
  const baseWeights: number[] = [];
  const gains: number[] = [];

  for (let node = 0; node < graph.nodeCount; node++) {
    nodeStart[node] = fromLink.length;
    if (graph.isPureSink[node]) continue;
    for (const inLink of graph.inLinks[node]!) {
      const [inDx, inDy] = direction(inLink);
      const exits = graph.outLinks[node]!.map((outLink) => {
        const backToOrigin = graph.linkToNode[outLink] === graph.linkFromNode[inLink];
        const turn = backToOrigin ? 'uturn' : classifyTurn(inDx, inDy, ...direction(outLink));
        return { outLink, turn };
      });
      const forward = exits.filter((exit) => exit.turn !== 'uturn');
      const offered = forward.length > 0 ? forward : exits;
      offered.forEach(({ outLink, turn }) => {
        fromLink.push(inLink);
        toLink.push(outLink);
        turns.push(TURNS.indexOf(turn));
        baseWeights.push(TURN_WEIGHT[turn] * graph.linkLanes[outLink]! * rng.float(1 - TURN_JITTER, 1 + TURN_JITTER));
        gains.push(gain(outLink));
      });
    }
  }
  nodeStart[graph.nodeCount] = fromLink.length;

  const table: MovementTable = {
    count: fromLink.length,
    ids: fromLink.map((inLink, m) => movementId(graph.linkIds[inLink]!, graph.linkIds[toLink[m]!]!)),
    fromLink: Int32Array.from(fromLink),
    toLink: Int32Array.from(toLink),
    turn: Uint8Array.from(turns),
    share: new Float64Array(fromLink.length),
    baseWeight: Float64Array.from(baseWeights),
    inwardGain: Float64Array.from(gains),
    nodeStart,
  };
  setCentrePull(table, DEFAULT_CENTRE_PULL);
  return table;
}

/**
 * Recomputes every turning fraction for a pull towards the centre (negative:
 * away from it), in place. An in-link's movements are contiguous in the table.
 */
export function setCentrePull(table: MovementTable, pull: number, result: Float64Array = table.share): Float64Array {
  const { fromLink, baseWeight, inwardGain } = table;
  let first = 0;
  while (first < table.count) {
    let end = first;
    let total = 0;
    for (; end < table.count && fromLink[end] === fromLink[first]; end++) {
      result[end] = baseWeight[end]! * Math.exp(pull * inwardGain[end]!);
      total += result[end]!;
    }
    for (let m = first; m < end; m++) result[m]! /= total;
    first = end;
  }
  return result;
}
