/**
 * Named camera views of the city.
 */
import { type Camera, HeadingPitchRange, Math as CesiumMath, Matrix4 } from 'cesium';
import type { CityMeta } from '@protocol';
import type { CityFrame } from './city-frame';

/** Pitch of the overview, in degrees below the horizon: steep enough to see streets, low enough to see towers. */
export const OVERVIEW_PITCH_DEG = -42;
/** Heading of the overview, in degrees clockwise from north: looking north-north-east over the river. */
export const OVERVIEW_HEADING_DEG = 15;

/** Frames the whole city from the south at an oblique angle. */
export function showOverview(camera: Camera, meta: CityMeta, frame: CityFrame): void {
  const { minXM, minYM, maxXM, maxYM } = meta.bounds;
  const centre = frame.toWorld((minXM + maxXM) / 2, (minYM + maxYM) / 2);
  const extentM = Math.max(maxXM - minXM, maxYM - minYM);
  camera.lookAt(
    centre,
    new HeadingPitchRange(CesiumMath.toRadians(OVERVIEW_HEADING_DEG), CesiumMath.toRadians(OVERVIEW_PITCH_DEG), extentM * 1.05),
  );
  // Release the look-at frame so the operator can pan and rotate freely.
  camera.lookAtTransform(Matrix4.IDENTITY);
}
