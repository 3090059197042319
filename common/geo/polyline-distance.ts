/**
 * Distance from a point to a polyline in the city's local metres, for "alerts
 * near this link" and "the link nearest to a click".
 *
 * Measured in the plane of the local frame, which keeps WGS84 distances to
 * well under a millimetre across a city. (Turf's point-to-line distance
 * measures on a sphere: at 30° N it reads 0.2–0.3 % off, enough to move an
 * alert across the 300 m "nearby" border.)
 */

/**
 * Shortest distance from (xM, yM) to the polyline of vertices first … end−1
 * in `xyM` (x, y interleaved), metres. A single vertex is a point.
 */
export function distanceToPolylineM(xyM: ArrayLike<number>, first: number, end: number, xM: number, yM: number): number {
  if (end - first === 1) return Math.hypot(xM - xyM[2 * first]!, yM - xyM[2 * first + 1]!);
  let best = Infinity;
  for (let i = first; i + 1 < end; i++) {
    best = Math.min(best, distanceToSegmentM(xyM[2 * i]!, xyM[2 * i + 1]!, xyM[2 * i + 2]!, xyM[2 * i + 3]!, xM, yM));
  }
  return best;
}

function distanceToSegmentM(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  // Where the point projects onto the segment, clamped to its ends.
  const t = lengthSq > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
