/** The road-link level: the link's traffic now and the alerts along it. */
import { distanceToPolylineM } from '../../common/geo/polyline-distance';
import type { LinkDetail } from '../protocol';
import { nearbyRows } from './alert-rows';
import { type DrillInputs, linkNow } from './drill-inputs';

/**
 * Travel time is taken at no less than this speed, km/h, so a standing link
 * shows a long but finite time rather than infinity.
 */
export const MIN_TRAVEL_SPEED_KMH = 1;

/** The link's figures; the caller has checked that the link exists. */
export function linkFigures(inputs: DrillInputs, linkIndex: number): LinkDetail {
  const { index } = inputs;
  const link = index.link(linkIndex);
  const now = linkNow(inputs, linkIndex);
  const { pointStart, xyM } = index.city.linkShapes;
  const first = pointStart[linkIndex]!;
  const end = pointStart[linkIndex + 1]!;
  return {
    level: 'link',
    linkId: link.id,
    districtId: link.districtId,
    speedKmh: now.speedKmh,
    freeSpeedKmh: link.freeSpeedKmh,
    congestionLevel: now.congestionLevel,
    flowVehPerH: now.flowVehPerH,
    densityVehPerKmLane: now.densityVehPerKmLane,
    travelTimeS: (link.lengthM * 3.6) / Math.max(now.speedKmh, MIN_TRAVEL_SPEED_KMH),
    nearbyAlerts: nearbyRows(inputs.openAlerts, (xM, yM) => distanceToPolylineM(xyM, first, end, xM, yM)),
  };
}
