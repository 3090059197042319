/**
 * Cesium's own Camera, and a scene stand-in holding the few fields that
 * Camera and SceneTransforms read, so tests project with Cesium's code
 * rather than a copy of it, and without WebGL.
 */
import {
  Camera,
  Math as CesiumMath,
  GeographicProjection,
  HeadingPitchRange,
  Matrix4,
  type Scene,
  SceneMode,
} from 'cesium';
import type { CityFrame } from '../cesium/city-frame';

export function cesiumView(widthPx: number, heightPx: number): { scene: Scene; camera: Camera } {
  const scene = {
    drawingBufferWidth: widthPx,
    drawingBufferHeight: heightPx,
    pixelRatio: 1,
    mode: SceneMode.SCENE3D,
    mapProjection: new GeographicProjection(),
    canvas: { clientWidth: widthPx, clientHeight: heightPx },
    frameState: { mode: SceneMode.SCENE3D },
  } as unknown as Scene & { camera: Camera };
  const camera = new Camera(scene);
  scene.camera = camera;
  return { scene, camera };
}

/**
 * Aims the camera at a city point the way the app's views do (lookAt, then
 * released), tilted `deckPitchDeg` from straight down.
 */
export function aim(
  camera: Camera,
  frame: CityFrame,
  targetM: [number, number],
  headingDeg: number,
  deckPitchDeg: number,
  rangeM: number,
): void {
  camera.lookAt(
    frame.toWorld(targetM[0], targetM[1]),
    new HeadingPitchRange(CesiumMath.toRadians(headingDeg), CesiumMath.toRadians(deckPitchDeg - 90), rangeM),
  );
  camera.lookAtTransform(Matrix4.IDENTITY);
}
