/**
 * What a click on the map meant, in the city's local metres: the district
 * polygon under it, or the road link nearest to it. Pure, so it tests
 * without WebGL; the map turns the click into metres first.
 */
import type { District, LinkShapes } from '@protocol';

/** Whether [xM, yM] lies inside a closed ring (even-odd rule; the first point is not repeated). */
export function pointInRing(ring: readonly (readonly [number, number])[], xM: number, yM: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > yM !== yj > yM && xM < ((xj - xi) * (yM - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The id of the district containing the point; null outside every district. */
export function districtAt(districts: readonly District[], xM: number, yM: number): string | null {
  return districts.find((district) => pointInRing(district.ringM, xM, yM))?.id ?? null;
}

/** Distance from a point to a segment, metres. */
function segmentDistanceM(xM: number, yM: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((xM - ax) * dx + (yM - ay) * dy) / lengthSq));
  return Math.hypot(xM - (ax + t * dx), yM - (ay + t * dy));
}

/**
 * The index of the link whose shape passes nearest to the point, if within
 * `reachM` metres; null otherwise. A linear scan: a click is rare, and the
 * demo city's ~10,000 links take well under a millisecond.
 */
export function nearestLink(shapes: LinkShapes, xM: number, yM: number, reachM: number): number | null {
  let best: number | null = null;
  let bestM = reachM;
  const linkCount = shapes.pointStart.length - 1;
  for (let link = 0; link < linkCount; link++) {
    for (let p = shapes.pointStart[link]!; p + 1 < shapes.pointStart[link + 1]!; p++) {
      const distanceM = segmentDistanceM(xM, yM, shapes.xyM[2 * p]!, shapes.xyM[2 * p + 1]!, shapes.xyM[2 * p + 2]!, shapes.xyM[2 * p + 3]!);
      if (distanceM <= bestM) {
        best = link;
        bestM = distanceM;
      }
    }
  }
  return best;
}

/** The point halfway along a link's shape, metres; where the camera looks when the link is selected. */
export function linkMidpointM(shapes: LinkShapes, link: number): [number, number] {
  const first = shapes.pointStart[link]!;
  const last = shapes.pointStart[link + 1]! - 1;
  const point = (p: number): [number, number] => [shapes.xyM[2 * p]!, shapes.xyM[2 * p + 1]!];
  let totalM = 0;
  for (let p = first; p < last; p++) totalM += Math.hypot(...subtract(point(p + 1), point(p)));
  let leftM = totalM / 2;
  for (let p = first; p < last; p++) {
    const [dx, dy] = subtract(point(p + 1), point(p));
    const segmentM = Math.hypot(dx, dy);
    if (segmentM >= leftM && segmentM > 0) {
      const [x, y] = point(p);
      return [x + (dx * leftM) / segmentM, y + (dy * leftM) / segmentM];
    }
    leftM -= segmentM;
  }
  return point(first);
}

const subtract = ([ax, ay]: [number, number], [bx, by]: [number, number]): [number, number] => [ax - bx, ay - by];
