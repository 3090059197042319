/**
 * Where a SUMO network lies on the globe and how its x/y become the city's
 * local metres. A projected net: network x/y minus `netOffset` are the
 * coordinates of its `projParameter` (a proj4 string, e.g. UTM zone 32 for
 * Cologne), which proj4 takes to longitude/latitude and the local frame
 * (tangent plane at the centre of the net) to metres east and north. A net
 * without a projection (`!`, as netgenerate writes) is already in metres: it
 * is centred on the configured origin as is.
 */
import { type GeoPoint, localFrame } from '../../../../common/geo/local-frame';
import { projectionToLonLat } from '../../../../common/geo/named-projection';
import { ElementReader } from './net-file-error';
import type { NetLocation } from './net-xml';

export interface NetPlacement {
  /** The local frame's origin: the centre of the net, or the configured origin for a net without projection. */
  origin: GeoPoint;
  /** Local [xM, yM] of a network point. */
  toLocalM(x: number, y: number): [number, number];
  /** Local [xM, yM] of a longitude/latitude. */
  toLocalFromLonLat(lonDeg: number, latDeg: number): [number, number];
  /** [lonDeg, latDeg] of a local point. */
  toLonLatDeg(xM: number, yM: number): [number, number];
}

/**
 * @param fallbackOrigin where a net without projection is placed
 */
export function placeNet(location: NetLocation, file: string, fallbackOrigin: GeoPoint): NetPlacement {
  const [minX, minY, maxX, maxY] = location.convBoundary;
  const centreX = (minX + maxX) / 2;
  const centreY = (minY + maxY) / 2;
  if (location.projParameter === null) {
    const frame = localFrame(fallbackOrigin);
    return {
      origin: frame.origin,
      toLocalM: (x, y) => [x - centreX, y - centreY],
      toLocalFromLonLat: frame.toLocalM,
      toLonLatDeg: frame.toLonLatDeg,
    };
  }
  let toLonLat: (x: number, y: number) => [number, number];
  try {
    toLonLat = projectionToLonLat(location.projParameter);
  } catch (error) {
    throw new ElementReader(file).error('location', null, `<location>: projParameter is not a projection proj4 knows: ${(error as Error).message}`);
  }
  const [offsetX, offsetY] = location.netOffset;
  const [lonDeg, latDeg] = toLonLat(centreX - offsetX, centreY - offsetY);
  if (!(Math.abs(lonDeg) <= 180 && Math.abs(latDeg) <= 85)) {
    throw new ElementReader(file).error('location', null, `<location>: the net's centre projects to no place on the globe (${lonDeg}, ${latDeg})`);
  }
  const frame = localFrame({ lonDeg, latDeg });
  return {
    origin: frame.origin,
    toLocalM: (x, y) => {
      const [lon, lat] = toLonLat(x - offsetX, y - offsetY);
      return frame.toLocalM(lon, lat);
    },
    toLocalFromLonLat: frame.toLocalM,
    toLonLatDeg: frame.toLonLatDeg,
  };
}
