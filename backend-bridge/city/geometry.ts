/**
 * Planar geometry on local metres (x east, y north), shared by the city
 * generator, its tests and anything that locates points in a city.
 */

/** A closed ring of [xM, yM] points, first point not repeated. */
export type RingM = readonly (readonly [number, number])[];

/**
 * Whether (x, y) lies inside the ring (crossing-number test).
 *
 * The test is half-open: a point on an edge counts as if nudged slightly to
 * the east and north. For polygons that tile the plane with bit-identical
 * shared edges, a point on a shared edge is therefore inside exactly one of
 * them. Each edge's crossing is computed from its endpoints ordered by y, so
 * both polygons sharing an edge round the crossing identically.
 */
export function ringContains(ring: RingM, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    // Indexing rather than destructuring: this loop runs millions of times while a city is generated.
    const xi = ring[i]![0];
    const yi = ring[i]![1];
    const xj = ring[j]![0];
    const yj = ring[j]![1];
    if (yi > y === yj > y) continue;
    const crossingX = yi < yj ? xi + ((y - yi) * (xj - xi)) / (yj - yi) : xj + ((y - yj) * (xi - xj)) / (yi - yj);
    if (x < crossingX) inside = !inside;
  }
  return inside;
}

/**
 * Signed area of the ring held in `xy` (x, y interleaved) from vertex `first`
 * to vertex `end - 1`, in m². Positive for counter-clockwise rings.
 */
export function signedAreaM2(xy: ArrayLike<number>, first = 0, end = xy.length / 2): number {
  let twiceArea = 0;
  for (let i = first, j = end - 1; i < end; j = i++) {
    twiceArea += xy[2 * j]! * xy[2 * i + 1]! - xy[2 * i]! * xy[2 * j + 1]!;
  }
  return twiceArea / 2;
}

/** Length of the polyline held in `xy` from vertex `first` to vertex `end - 1`, in metres. */
export function polylineLengthM(xy: ArrayLike<number>, first = 0, end = xy.length / 2): number {
  let lengthM = 0;
  for (let i = first + 1; i < end; i++) {
    lengthM += Math.hypot(xy[2 * i]! - xy[2 * i - 2]!, xy[2 * i + 1]! - xy[2 * i - 1]!);
  }
  return lengthM;
}

/** Mean of the vertices from `first` to `end - 1`: a cheap centre for small convex-ish shapes. */
export function vertexMean(xy: ArrayLike<number>, first = 0, end = xy.length / 2): [number, number] {
  let sumX = 0;
  let sumY = 0;
  for (let i = first; i < end; i++) {
    sumX += xy[2 * i]!;
    sumY += xy[2 * i + 1]!;
  }
  const count = end - first;
  return [sumX / count, sumY / count];
}
