/**
 * Keeps the operator's tilt within what deck.gl follows without clamping
 * (`maxDeckPitchDeg`), on Cesium's side: Cesium owns the camera, so it is
 * Cesium's camera that must not tilt further. See README.md.
 */
import { type Camera, Math as CesiumMath, type Scene } from 'cesium';
import { type CityAnchor, deckViewFromCesium, maxDeckPitchDeg, poseOf } from './camera-sync';

/** Tilt beyond the limit that is let through, degrees: below what anyone sees, above rounding noise. */
const TOLERANCE_DEG = 0.01;

/**
 * Turns the view down, in place, until its tilt from the vertical at the
 * target is at most `maxPitchDeg`. Returns whether the camera was moved.
 */
export function clampTilt(camera: Camera, anchor: CityAnchor, maxPitchDeg: number): boolean {
  const pose = poseOf(camera);
  if (!pose) return false;
  // Above the horizon there is no target; the camera's own pitch still says how far to turn.
  const tiltDeg = deckViewFromCesium(pose, 1, anchor)?.viewState.pitch ?? 90 + CesiumMath.toDegrees(camera.pitch);
  if (tiltDeg <= maxPitchDeg + TOLERANCE_DEG) return false;
  camera.lookDown(CesiumMath.toRadians(tiltDeg - maxPitchDeg));
  return true;
}

/**
 * Limits tilting for the life of the overlay: Cesium's tilt gesture stops at
 * the limit, free look (which turns the view toward the sky) is off, and any
 * other move past the limit is turned back before the frame is drawn.
 * Returns the function that lifts the limit.
 */
export function limitTilt(scene: Scene, anchor: CityAnchor): () => void {
  const controller = scene.screenSpaceCameraController;
  const { enableLook, maximumTiltAngle } = controller;
  controller.enableLook = false;
  const removeListener = scene.preRender.addEventListener(() => {
    const pose = poseOf(scene.camera);
    if (!pose) return;
    const maxPitchDeg = maxDeckPitchDeg(CesiumMath.toDegrees(pose.fovyRad));
    controller.maximumTiltAngle = CesiumMath.toRadians(maxPitchDeg);
    clampTilt(scene.camera, anchor, maxPitchDeg);
  });
  return () => {
    removeListener();
    controller.enableLook = enableLook;
    controller.maximumTiltAngle = maximumTiltAngle;
  };
}
