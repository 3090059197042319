/**
 * Which district a feature belongs to. Real district outlines rarely cover
 * every road end and building at the city's edge, so a point in no district
 * goes to the district whose label point is nearest rather than failing.
 */
import type { District } from '../../protocol';
import { DistrictLocator } from '../district-locator';

/** Returns a function from a local point to the index of its district in `districts`. */
export function districtFinder(districts: readonly District[]): (xM: number, yM: number) => number {
  const locator = new DistrictLocator(districts);
  return (xM, yM) => {
    const inside = locator.find(xM, yM);
    if (inside >= 0) return inside;
    let nearest = 0;
    let nearestM = Infinity;
    districts.forEach(({ labelM: [lx, ly] }, index) => {
      const distanceM = Math.hypot(lx - xM, ly - yM);
      if (distanceM < nearestM) [nearest, nearestM] = [index, distanceM];
    });
    return nearest;
  };
}
