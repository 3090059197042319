/**
 * The city's local frame: metres east (x) and north (y) on the plane tangent
 * to the WGS84 ellipsoid at the city origin — the frame the bridge serves
 * city geometry in and the renderer places it in (east-north-up at the
 * origin). A point on the ellipsoid maps to its east and north components
 * relative to the origin, which is the ellipsoidal orthographic projection
 * (EPSG guidance note 7.2), so proj4 does both directions.
 */
import proj4 from 'proj4';

/** A place on the WGS84 ellipsoid, degrees. */
export interface GeoPoint {
  lonDeg: number;
  latDeg: number;
}

export interface LocalFrame {
  readonly origin: Readonly<GeoPoint>;
  /**
   * [xM, yM]: metres east and north of the origin of a point on the
   * ellipsoid; [NaN, NaN] for a point on the far side of the globe, which
   * the plane cannot hold.
   */
  toLocalM(lonDeg: number, latDeg: number): [number, number];
  /** [lonDeg, latDeg] of the point on the ellipsoid at local (xM, yM). */
  toLonLatDeg(xM: number, yM: number): [number, number];
}

/** The proj4 definition of the local frame around `origin`. */
export function localFrameDefinition(origin: GeoPoint): string {
  return `+proj=ortho +lat_0=${origin.latDeg} +lon_0=${origin.lonDeg} +ellps=WGS84 +units=m +no_defs`;
}

export function localFrame(origin: GeoPoint): LocalFrame {
  const converter = proj4('WGS84', localFrameDefinition(origin));
  return {
    origin: { lonDeg: origin.lonDeg, latDeg: origin.latDeg },
    toLocalM(lonDeg, latDeg) {
      const [xM, yM] = converter.forward([lonDeg, latDeg]);
      return [xM ?? NaN, yM ?? NaN];
    },
    toLonLatDeg: (xM, yM) => converter.inverse([xM, yM]) as [number, number],
  };
}
