/**
 * Left-turn pockets: where an approach to a signal has three lanes or more
 * (the demo city's arterials and avenues), its left turners leave the
 * through lanes near the stop line for a bay of their own — one lane, two
 * on approaches of four lanes or more, as the default plans assume — and
 * queue there. A held left turn then no longer holds the through traffic
 * beside it, until the bay is full and the next left turner waits in the
 * through lanes (spillback).
 *
 * In the CTM the bay is a point queue at the link's end: the left-turning
 * share of the flow into the link's last cell goes into the bay instead, so
 * the last cell holds through, right and ending traffic only, and the bay
 * discharges at its own lanes' saturation flow on its movement's green.
 */
import { TURNS } from '../../protocol/signals';
import { JAM_DENSITY_VEH_PER_KM_LANE } from './fundamental-diagram';
import type { MovementTable } from './movements';

/** Fewest lanes of an approach with a left-turn bay. */
const POCKET_MIN_LANES = 3;
/** Length of a bay, metres; never more than half its link. */
const POCKET_LENGTH_M = 60;
const LEFT = TURNS.indexOf('left');

export interface TurnPockets {
  count: number;
  /** Link whose end the bay is at. */
  link: Int32Array;
  /** The left-turn movement the bay serves. */
  movement: Int32Array;
  /** Vehicles the bay holds. */
  maxVeh: Float64Array;
  /** Bay lanes as a share of the link's lanes: its saturation flow relative to the link's. */
  laneShare: Float64Array;
  /** Per link, the index of its bay; −1 where none. */
  ofLink: Int32Array;
  /** Per movement, the index of the bay it discharges from; −1 for the others. */
  ofMovement: Int32Array;
}

export interface PocketLinks {
  count: number;
  lanes: Float64Array;
  lengthM: Float64Array;
  cellStart: Int32Array;
  toNode: Int32Array;
}

/** A bay at every approach to a signal with enough lanes, two cells or more and a left turn. */
export function buildTurnPockets(links: PocketLinks, signalized: Uint8Array, movements: MovementTable): TurnPockets {
  const leftOf = new Int32Array(links.count).fill(-1);
  const exits = new Int32Array(links.count);
  for (let m = 0; m < movements.count; m++) {
    const l = movements.fromLink[m]!;
    exits[l]!++;
    if (movements.turn[m] !== LEFT) continue;
    // Where two exits count as left, the bay serves the busier.
    if (leftOf[l]! < 0 || movements.share[m]! > movements.share[leftOf[l]!]!) leftOf[l] = m;
  }
  const chosen: number[] = [];
  for (let l = 0; l < links.count; l++) {
    const hasCells = links.cellStart[l + 1]! - links.cellStart[l]! >= 2;
    // A link whose only way on is left has nothing to keep apart from its left turners.
    const keepsApart = leftOf[l]! >= 0 && exits[l]! >= 2;
    if (links.lanes[l]! >= POCKET_MIN_LANES && signalized[links.toNode[l]!] && hasCells && keepsApart) chosen.push(l);
  }
  const bayLanes = (l: number) => (links.lanes[l]! >= 4 ? 2 : 1);
  const pockets: TurnPockets = {
    count: chosen.length,
    link: Int32Array.from(chosen),
    movement: Int32Array.from(chosen, (l) => leftOf[l]!),
    maxVeh: Float64Array.from(chosen, (l) => (bayLanes(l) * Math.min(POCKET_LENGTH_M, links.lengthM[l]! / 2) * JAM_DENSITY_VEH_PER_KM_LANE) / 1000),
    laneShare: Float64Array.from(chosen, (l) => bayLanes(l) / links.lanes[l]!),
    ofLink: new Int32Array(links.count).fill(-1),
    ofMovement: new Int32Array(movements.count).fill(-1),
  };
  chosen.forEach((l, p) => {
    pockets.ofLink[l] = p;
    pockets.ofMovement[leftOf[l]!] = p;
  });
  return pockets;
}
