/**
 * Finds which district contains a point, for cities whose district outlines
 * tile the plane (see `ringContains` for how shared edges are settled).
 */
import type { District } from '../protocol';
import { type RingM, ringContains } from './geometry';

interface IndexedRing {
  ring: RingM;
  minXM: number;
  minYM: number;
  maxXM: number;
  maxYM: number;
}

export class DistrictLocator {
  private readonly rings: IndexedRing[];

  constructor(districts: readonly Pick<District, 'ringM'>[]) {
    this.rings = districts.map(({ ringM }) => {
      const xs = ringM.map(([x]) => x);
      const ys = ringM.map(([, y]) => y);
      return { ring: ringM, minXM: Math.min(...xs), minYM: Math.min(...ys), maxXM: Math.max(...xs), maxYM: Math.max(...ys) };
    });
  }

  /** Index of the first district containing (xM, yM), or -1 when none does. */
  find(xM: number, yM: number): number {
    return this.rings.findIndex(
      (r) => xM >= r.minXM && xM <= r.maxXM && yM >= r.minYM && yM <= r.maxYM && ringContains(r.ring, xM, yM),
    );
  }

  /** Like `find`, but a point outside every district is an error naming the point. */
  require(xM: number, yM: number, what: string): number {
    const index = this.find(xM, yM);
    if (index < 0) throw new Error(`${what} at (${xM.toFixed(1)}, ${yM.toFixed(1)}) m lies in no district`);
    return index;
  }
}
