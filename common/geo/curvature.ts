/**
 * The city is laid out on the plane tangent to the globe at its origin; the
 * ground falls away below that plane with distance from the origin.
 */

/** Mean Earth radius, in metres; used to bend the tangent plane onto the globe. */
const EARTH_RADIUS_M = 6_371_000;

/**
 * How far the ground lies below the tangent plane at (x, y), in metres. Without
 * it, buildings 10 km from the origin would float about 8 m above the globe.
 */
export function curvatureDropM(xM: number, yM: number): number {
  return (xM * xM + yM * yM) / (2 * EARTH_RADIUS_M);
}
