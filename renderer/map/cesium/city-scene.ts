/**
 * Puts a loaded city into a Cesium widget: roads, districts and buildings in
 * the city's frame, and the overview camera. Resolves once every primitive is
 * ready and a frame with the buildings has been drawn.
 */
import type { CesiumWidget, Primitive } from 'cesium';
import type { CityData } from '../../features/city/city-api';
import { buildBuildingMeshInWorker } from './building-mesh-client';
import { createBuildingPrimitive } from './building-primitive';
import { showOverview } from './camera-views';
import { createCityFrame } from './city-frame';
import { addPhotogrammetry } from './photogrammetry-layer';
import { type DistrictLayer, type LabelLanguage, createDistrictLayer, labelFont, labelFontPx } from './district-layer';
import { createRoadPrimitive } from './road-layer';
import { createWaterPrimitive } from './water-layer';
import type { LayerVisibility } from '../layers-store';

export interface CityScene {
  districts: DistrictLayer;
  /** Shows or hides the city's layers; water stays as the ground. */
  setVisibility(visibility: LayerVisibility): void;
  /** Removes every city primitive from the widget. */
  destroy(): void;
}

/** Keeps rendering (request-render mode) until every primitive reports ready, then one more frame. */
function drawUntilReady(widget: CesiumWidget, primitives: Primitive[]): Promise<void> {
  const { scene } = widget;
  return new Promise((resolve) => {
    const remove = scene.postRender.addEventListener(() => {
      if (primitives.every((primitive) => primitive.ready)) {
        remove();
        resolve();
      } else {
        requestAnimationFrame(() => scene.requestRender());
      }
    });
    scene.requestRender();
  });
}

export async function addCityScene(widget: CesiumWidget, city: CityData, language: LabelLanguage): Promise<CityScene> {
  const { scene } = widget;
  const frame = createCityFrame(city.meta);
  const water = scene.primitives.add(createWaterPrimitive(city.meta, frame)) as Primitive;
  const roads = scene.primitives.add(createRoadPrimitive(city.meta, city.linkShapes, frame)) as Primitive;
  const fontPx = labelFontPx(widget.canvas.clientWidth);
  // Labels are rasterised once; make sure the bundled CJK font is loaded first.
  await document.fonts.load(labelFont(fontPx), city.meta.name.zh + city.meta.name.en);
  const districts = createDistrictLayer(city.meta, frame, language, fontPx);
  scene.primitives.add(districts.collection);
  showOverview(widget.camera, city.meta, frame);
  scene.requestRender();

  const mesh = await buildBuildingMeshInWorker(city.buildings);
  const buildings = scene.primitives.add(createBuildingPrimitive(mesh, frame.modelMatrix)) as Primitive;
  await drawUntilReady(widget, [water, roads, buildings]);
  // Tiles stream in after the first frame; the footprint city is usable meanwhile.
  const photogrammetry = addPhotogrammetry(widget, city.meta);
  return {
    districts,
    setVisibility(visibility) {
      buildings.show = visibility.buildings;
      roads.show = visibility.roads;
      districts.collection.show = visibility.districts;
      scene.requestRender();
    },
    destroy() {
      if (widget.isDestroyed()) return;
      scene.primitives.remove(water);
      scene.primitives.remove(roads);
      scene.primitives.remove(buildings);
      scene.primitives.remove(districts.collection);
      void photogrammetry.then((tileset) => {
        if (tileset && !widget.isDestroyed()) scene.primitives.remove(tileset);
      });
    },
  };
}
