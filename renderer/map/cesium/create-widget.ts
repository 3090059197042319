/**
 * Creates the Cesium view for the city: no widgets, no Cesium ion, no online
 * imagery. The globe is a dark base with the NaturalEarthII tiles that ship
 * inside the cesium package, dimmed so the city reads on top of it.
 */
import {
  CesiumWidget,
  Color,
  EllipsoidTerrainProvider,
  ImageryLayer,
  TileMapServiceImageryProvider,
  buildModuleUrl,
} from 'cesium';

const GLOBE_BASE_COLOR = '#07111f';
const BACKGROUND_COLOR = '#02060d';

export function createCityWidget(container: HTMLElement): CesiumWidget {
  const widget = new CesiumWidget(container, {
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
  scene.fog.enabled = true;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  // Keep the operator close to the city: no flying off into space or under the ground.
  scene.screenSpaceCameraController.minimumZoomDistance = 150;
  scene.screenSpaceCameraController.maximumZoomDistance = 250_000;

  const imagery = ImageryLayer.fromProviderAsync(
    TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')),
    // Mostly the navy base shows through: the coarse tiles only hint at land and sea.
    { alpha: 0.35, brightness: 0.5, saturation: 0.2 },
  );
  scene.imageryLayers.add(imagery);
  return widget;
}
