/**
 * Which district a feature belongs to. Real district outlines rarely cover
 * every road end and building at the city's edge, so a point in no district
 * goes to the district whose label point is nearest rather than failing.
 */
import Flatbush from 'flatbush';
import type { District } from '../../protocol';
import { DistrictLocator } from '../district-locator';

/**
 * Returns a function from a local point to the index of its district in `districts`.
 * @param districts at least one (the districts layer refuses a file without any)
 */
export function districtFinder(districts: readonly District[]): (xM: number, yM: number) => number {
  const locator = new DistrictLocator(districts);
  const labels = new Flatbush(districts.length);
  for (const { labelM: [x, y] } of districts) labels.add(x, y, x, y);
  labels.finish();
  return (xM, yM) => {
    const inside = locator.find(xM, yM);
    return inside >= 0 ? inside : labels.neighbors(xM, yM, 1)[0]!;
  };
}
