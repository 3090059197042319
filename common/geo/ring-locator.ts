/**
 * Which ring holds a point, for outlines in the city's local metres (x east,
 * y north) that tile the plane, such as districts.
 *
 * Turf decides inside, outside and on the border. A point on a border shared
 * by two outlines would be inside both, so it goes to the one holding the
 * point a hair east and north of it: a point on a shared edge or vertex
 * lies in exactly one of the outlines that meet there, and points on the
 * city's east and north edges lie in none.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import Flatbush from 'flatbush';

/** A closed ring of [xM, yM] points, first point not repeated. */
export type RingM = readonly (readonly [number, number])[];

/**
 * How far a border point is moved east, then north, before it is tested
 * again, in metres: far below any outline's detail, and north so much less
 * than east that no edge but an exactly horizontal one is crossed northwards.
 */
const BORDER_NUDGE_EAST_M = 1e-4;
const BORDER_NUDGE_NORTH_M = 1e-9;

const polygons = new WeakMap<RingM, Polygon>();

/** The ring as a GeoJSON polygon (closed, as GeoJSON wants), made once per ring. */
function polygonOf(ring: RingM): Polygon {
  let polygon = polygons.get(ring);
  if (!polygon) {
    const closed = ring.map(([x, y]) => [x, y]);
    if (ring.length > 0) closed.push([ring[0]![0], ring[0]![1]]);
    polygon = { type: 'Polygon', coordinates: [closed] };
    polygons.set(ring, polygon);
  }
  return polygon;
}

/** Whether (xM, yM) lies in the ring, a point on its border settled as described above. */
export function ringHolds(ring: RingM, xM: number, yM: number): boolean {
  const polygon = polygonOf(ring);
  if (booleanPointInPolygon([xM, yM], polygon, { ignoreBoundary: true })) return true;
  if (!booleanPointInPolygon([xM, yM], polygon)) return false;
  return booleanPointInPolygon([xM + BORDER_NUDGE_EAST_M, yM + BORDER_NUDGE_NORTH_M], polygon, { ignoreBoundary: true });
}

/** Finds the ring holding a point among many, through a spatial index of their bounding boxes. */
export class RingLocator {
  private readonly index: Flatbush | null;

  constructor(private readonly rings: readonly RingM[]) {
    if (rings.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(rings.length);
    for (const ring of rings) {
      const xs = ring.map(([x]) => x);
      const ys = ring.map(([, y]) => y);
      this.index.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
    }
    this.index.finish();
  }

  /** Index of the first ring holding (xM, yM), or -1 when none does. */
  find(xM: number, yM: number): number {
    const candidates = this.index?.search(xM, yM, xM, yM) ?? [];
    let found = -1;
    for (const candidate of candidates) {
      if ((found === -1 || candidate < found) && ringHolds(this.rings[candidate]!, xM, yM)) found = candidate;
    }
    return found;
  }
}
