/**
 * Names a spot in the city as people say it: the district, and the road it
 * is on or nearest to ("Shangcheng · near Jiefang Road"), instead of metres
 * east and north of the city's origin. Pure over the city model and its
 * link shapes, so it tests without a map.
 */
import type { LinkShapes } from '@protocol';
import { LinkIndex } from '@common/geo/link-index';
import type { CityLookup } from './city-lookup';

/** A road further than this from the spot is not named for it, metres. */
export const NEAR_ROAD_REACH_M = 400;
/** An intersection further than this from a spot is not where the spot is, metres (the bridge's "nearby"). */
export const NEAR_INTERSECTION_REACH_M = 300;

type Name = { zh: string; en: string };

/** Where a spot lies, in names. */
export interface SpotPlace {
  district: Name | null;
  road: Name | null;
  /** The spot names its link itself (on the road); false when the road is only the nearest. */
  onRoad: boolean;
}

/** A spot to name: its position, metres, and what the source already said about it. */
export interface Spot {
  xM: number;
  yM: number;
  districtId?: string;
  linkId?: string;
}

const indexes = new WeakMap<LinkShapes, LinkIndex>();

/** The link index of a city's shapes, built once per shapes object. */
function linkIndexOf(shapes: LinkShapes): LinkIndex {
  let index = indexes.get(shapes);
  if (!index) indexes.set(shapes, (index = new LinkIndex(shapes)));
  return index;
}

export function placeOfSpot(lookup: CityLookup, shapes: LinkShapes | null, spot: Spot): SpotPlace {
  const district = (spot.districtId !== undefined ? lookup.districts.get(spot.districtId)?.name : undefined) ?? null;
  const own = spot.linkId !== undefined ? lookup.links.get(spot.linkId) : undefined;
  if (own) return { district, road: own.name, onRoad: true };
  const nearest = shapes ? linkIndexOf(shapes).nearest(spot.xM, spot.yM, NEAR_ROAD_REACH_M) : null;
  const road = nearest === null ? null : (lookup.meta.links[nearest]?.name ?? null);
  return { district, road, onRoad: false };
}

/** The id of the intersection nearest to a spot within `reachM`; null when none is that close. */
export function nearestIntersection(lookup: CityLookup, xM: number, yM: number, reachM = NEAR_INTERSECTION_REACH_M): string | null {
  let best: string | null = null;
  let bestM = reachM;
  for (const node of lookup.meta.nodes) {
    const distanceM = Math.hypot(node.xM - xM, node.yM - yM);
    if (distanceM <= bestM) [best, bestM] = [node.id, distanceM];
  }
  return best;
}
