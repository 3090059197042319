/**
 * Coordinates in a named projection (a proj4 string, e.g. the UTM zone a
 * SUMO network is drawn in) to WGS84 longitude and latitude; from there
 * `localFrame` takes them into the city's metres.
 */
import proj4 from 'proj4';

/**
 * The converter from `definition`'s coordinates (x, y in its units) to
 * [lonDeg, latDeg]. Throws when proj4 does not know the projection.
 * @param definition e.g. `+proj=utm +zone=51 +datum=WGS84 +units=m +no_defs`
 */
export function projectionToLonLat(definition: string): (x: number, y: number) => [number, number] {
  const converter = proj4(definition, 'WGS84');
  return (x, y) => converter.forward([x, y]) as [number, number];
}
