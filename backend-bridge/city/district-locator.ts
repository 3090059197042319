/**
 * Finds which district contains a point, for cities whose district outlines
 * tile the plane (see `ringHolds` for how shared edges are settled).
 */
import { RingLocator } from '../../common/geo/ring-locator';
import type { District } from '../protocol';

export class DistrictLocator extends RingLocator {
  constructor(districts: readonly Pick<District, 'ringM'>[]) {
    super(districts.map((district) => district.ringM));
  }

  /** Like `find`, but a point outside every district is an error naming the point. */
  require(xM: number, yM: number, what: string): number {
    const index = this.find(xM, yM);
    if (index < 0) throw new Error(`${what} at (${xM.toFixed(1)}, ${yM.toFixed(1)}) m lies in no district`);
    return index;
  }
}
