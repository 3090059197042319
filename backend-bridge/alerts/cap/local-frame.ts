/**
 * WGS84 latitude and longitude to the city's local frame: metres east (x)
 * and north (y) on the plane tangent to the ellipsoid at the city origin —
 * the frame the renderer places the city in (east-north-up at the origin).
 */

/** WGS84 semi-major axis, metres. */
const A_M = 6_378_137;
/** WGS84 flattening. */
const F = 1 / 298.257223563;
/** First eccentricity squared. */
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

function ecef(latDeg: number, lonDeg: number): [number, number, number] {
  const lat = latDeg * RAD;
  const lon = lonDeg * RAD;
  const n = A_M / Math.sqrt(1 - E2 * Math.sin(lat) ** 2);
  return [n * Math.cos(lat) * Math.cos(lon), n * Math.cos(lat) * Math.sin(lon), n * (1 - E2) * Math.sin(lat)];
}

/** The local [xM, yM] of a point on the ellipsoid, given the city origin. */
export function geodeticToLocalM(latDeg: number, lonDeg: number, origin: { latDeg: number; lonDeg: number }): [number, number] {
  const [x0, y0, z0] = ecef(origin.latDeg, origin.lonDeg);
  const [x, y, z] = ecef(latDeg, lonDeg);
  const [dx, dy, dz] = [x - x0, y - y0, z - z0];
  const lat0 = origin.latDeg * RAD;
  const lon0 = origin.lonDeg * RAD;
  const east = -Math.sin(lon0) * dx + Math.cos(lon0) * dy;
  const north = -Math.sin(lat0) * Math.cos(lon0) * dx - Math.sin(lat0) * Math.sin(lon0) * dy + Math.cos(lat0) * dz;
  return [east, north];
}
