/** Distance from a point to a polyline, for "alerts near this link". */

/**
 * Shortest distance from (xM, yM) to the polyline of vertices first … end−1
 * in `xyM` (x, y interleaved), metres. A single vertex is a point.
 */
export function distanceToPolylineM(xyM: ArrayLike<number>, first: number, end: number, xM: number, yM: number): number {
  const x = (i: number) => xyM[2 * i]!;
  const y = (i: number) => xyM[2 * i + 1]!;
  if (end - first === 1) return Math.hypot(xM - x(first), yM - y(first));
  let best = Infinity;
  for (let i = first; i + 1 < end; i++) best = Math.min(best, distanceToSegmentM(x(i), y(i), x(i + 1), y(i + 1), xM, yM));
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
