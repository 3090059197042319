/**
 * Planar measures on local metres (x east, y north): the city generator and
 * file loader measure footprints and roads with them, the renderer its
 * building rings and link shapes.
 */

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

/** Length of the segment from vertex `p` to vertex `p + 1` of `xy` (x, y interleaved), in metres. */
export function segmentLengthM(xy: ArrayLike<number>, p: number): number {
  return Math.hypot(xy[2 * p + 2]! - xy[2 * p]!, xy[2 * p + 3]! - xy[2 * p + 1]!);
}

/** Length of the polyline held in `xy` from vertex `first` to vertex `end - 1`, in metres. */
export function polylineLengthM(xy: ArrayLike<number>, first = 0, end = xy.length / 2): number {
  let lengthM = 0;
  for (let p = first; p + 1 < end; p++) lengthM += segmentLengthM(xy, p);
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
