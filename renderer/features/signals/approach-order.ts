/**
 * The approaches of the signal's chart named and ordered by the side they
 * come from (北进口 / North approach), clockwise from north, rather than in
 * the bridge's link order under a road name that two approaches share.
 */
import type { ApproachBearings } from '@protocol/signal-rules';
import { COMPASS_POINTS, type CompassPoint, approachSide } from './movement-labels';

export interface SidedApproach<A> {
  approach: A;
  /** The side it arrives from; null for a link without a bearing. */
  side: CompassPoint | null;
}

/** Each approach with its side, clockwise from north; those of unknown side last, in their given order. */
export function orderBySide<A extends { linkId: string }>(approaches: readonly A[], bearings: ApproachBearings): SidedApproach<A>[] {
  const rank = (side: CompassPoint | null) => (side === null ? COMPASS_POINTS.length : COMPASS_POINTS.indexOf(side));
  return approaches
    .map((approach) => ({ approach, side: approachSide(bearings, approach.linkId) }))
    .sort((a, b) => rank(a.side) - rank(b.side));
}
