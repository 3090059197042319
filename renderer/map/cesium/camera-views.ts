/**
 * Named camera views of the city.
 */
import { BoundingSphere, type Camera, HeadingPitchRange, Math as CesiumMath, Matrix4 } from 'cesium';
import type { CityMeta } from '@protocol';
import type { CityFrame } from './city-frame';
import type { DrillView } from './drill-camera';

/** Pitch of the overview, in degrees below the horizon: steep enough to see streets, low enough to see towers. */
export const OVERVIEW_PITCH_DEG = -42;
/** Heading of the overview, in degrees clockwise from north: looking north-north-east over the river. */
export const OVERVIEW_HEADING_DEG = 15;
/** Length of a drill-down flight, seconds: long enough to keep one's bearings, short enough not to wait. */
export const FLIGHT_DURATION_S = 1.5;

/** The overview as a drill view: the city's centre from the south at an oblique angle. */
export function overviewView(meta: CityMeta): DrillView {
  const { minXM, minYM, maxXM, maxYM } = meta.bounds;
  return {
    xM: (minXM + maxXM) / 2,
    yM: (minYM + maxYM) / 2,
    rangeM: Math.max(maxXM - minXM, maxYM - minYM) * 1.05,
    pitchDeg: OVERVIEW_PITCH_DEG,
    headingDeg: OVERVIEW_HEADING_DEG,
  };
}

const offsetOf = (view: DrillView) =>
  new HeadingPitchRange(CesiumMath.toRadians(view.headingDeg), CesiumMath.toRadians(view.pitchDeg), view.rangeM);

/** Frames the whole city from the south at an oblique angle, at once. */
export function showOverview(camera: Camera, meta: CityMeta, frame: CityFrame): void {
  const view = overviewView(meta);
  camera.lookAt(frame.toWorld(view.xM, view.yM), offsetOf(view));
  // Release the look-at frame so the operator can pan and rotate freely.
  camera.lookAtTransform(Matrix4.IDENTITY);
}

/** Flies to a view; the operator keeps free control of the camera afterwards. */
export function flyToView(camera: Camera, frame: CityFrame, view: DrillView, durationS = FLIGHT_DURATION_S): void {
  camera.flyToBoundingSphere(new BoundingSphere(frame.toWorld(view.xM, view.yM), 1), { offset: offsetOf(view), duration: durationS });
}
