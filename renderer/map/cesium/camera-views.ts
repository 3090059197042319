/**
 * Named camera views of the city.
 */
import { BoundingSphere, type Camera, HeadingPitchRange, Math as CesiumMath, Matrix4 } from 'cesium';
import type { CityMeta } from '@protocol';
import { type FramingViewport, frameCity } from './camera-framing';
import type { CityFrame } from './city-frame';
import type { DrillView } from './drill-camera';

/** Pitch of the overview, in degrees below the horizon: steep enough to see streets, low enough to see towers. */
export const OVERVIEW_PITCH_DEG = -42;
/** Heading of the overview, in degrees clockwise from north: looking north-north-east over the river. */
export const OVERVIEW_HEADING_DEG = 15;
/** Length of a drill-down flight, seconds: long enough to keep one's bearings, short enough not to wait. */
export const FLIGHT_DURATION_S = 1.5;

/** Height the framing keeps in view above the city's corners, metres: towers at the edge stay whole. */
const FRAMED_HEIGHT_M = 120;

/**
 * The overview as a drill view: the whole city from the south at an oblique
 * angle, inside the part of `viewport` no panel covers; without a viewport
 * (no size yet) its centre at a range of its span.
 */
export function overviewView(meta: CityMeta, viewport: FramingViewport | null = null): DrillView {
  const { minXM, minYM, maxXM, maxYM } = meta.bounds;
  if (viewport) {
    const corners = [minXM, maxXM].flatMap((xM) => [minYM, maxYM].flatMap((yM) => [0, FRAMED_HEIGHT_M].map((zM) => ({ xM, yM, zM }))));
    const pose = frameCity(corners, OVERVIEW_HEADING_DEG, OVERVIEW_PITCH_DEG, viewport);
    return { xM: pose.xM, yM: pose.yM, rangeM: pose.rangeM, pitchDeg: OVERVIEW_PITCH_DEG, headingDeg: OVERVIEW_HEADING_DEG };
  }
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
export function showOverview(camera: Camera, meta: CityMeta, frame: CityFrame, viewport: FramingViewport | null = null): void {
  const view = overviewView(meta, viewport);
  camera.lookAt(frame.toWorld(view.xM, view.yM), offsetOf(view));
  // Release the look-at frame so the operator can pan and rotate freely.
  camera.lookAtTransform(Matrix4.IDENTITY);
}

/** Flies to a view; the operator keeps free control of the camera afterwards. */
export function flyToView(camera: Camera, frame: CityFrame, view: DrillView, durationS = FLIGHT_DURATION_S): void {
  camera.flyToBoundingSphere(new BoundingSphere(frame.toWorld(view.xM, view.yM), 1), { offset: offsetOf(view), duration: durationS });
}
