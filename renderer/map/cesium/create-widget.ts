/**
 * Creates the Cesium view for the city: no widgets, no Cesium ion, no online
 * imagery. The globe is a plain dark base (NaturalEarthII at city scale is a
 * single blurred pixel block that only muddies the theme), so nothing is
 * fetched for the ground at all.
 */
import { CesiumWidget, Color, type Credit, CreditDisplay, EllipsoidTerrainProvider } from 'cesium';

const GLOBE_BASE_COLOR = '#0a1628';
const BACKGROUND_COLOR = '#02060d';

/**
 * @param nativeResolution render in device pixels (a wall screen at its full
 * 4K) rather than CSS pixels, Cesium's default that spares laptops' GPUs
 */
export function createCityWidget(container: HTMLElement, nativeResolution = false): CesiumWidget {
  // No "Cesium ion" logo: ion is never used. Cesium's documented setter for its logo credit; data credits
  // (e.g. a photogrammetry tileset's) still show in the credit area.
  CreditDisplay.cesiumCredit = undefined as unknown as Credit;
  const widget = new CesiumWidget(container, {
    useBrowserRecommendedResolution: !nativeResolution,
    baseLayer: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    scene3DOnly: true,
    // A 24/7 wall renders only when something changes; live layers request frames themselves.
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
    skyBox: false,
    skyAtmosphere: false,
    showRenderLoopErrors: false,
    contextOptions: { webgl: { alpha: false, antialias: true, powerPreference: 'high-performance' } },
  });
  const { scene } = widget;
  scene.backgroundColor = Color.fromCssColorString(BACKGROUND_COLOR);
  scene.globe.baseColor = Color.fromCssColorString(GLOBE_BASE_COLOR);
  scene.globe.showGroundAtmosphere = false;
  scene.globe.enableLighting = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  // Keep the operator close to the city: no flying off into space or under the ground.
  scene.screenSpaceCameraController.minimumZoomDistance = 150;
  scene.screenSpaceCameraController.maximumZoomDistance = 250_000;
  return widget;
}
