/**
 * Puts a loaded city into a Cesium widget: the ground (water), the Cesium
 * layers of map-layers.ts in the city's frame, and the overview camera.
 * Resolves once every primitive is ready and a frame with the buildings has
 * been drawn.
 */
import type { CesiumWidget, Primitive, PrimitiveCollection } from 'cesium';
import type { CityData } from '../../features/city/city-api';
import type { CesiumDrawing, CesiumLayer, MapLayerEntry } from '../map-layer';
import { CESIUM_LAYERS, type MapLayerId } from '../map-layers';
import { showOverview } from './camera-views';
import { createCityFrame } from './city-frame';
import { mapViewport } from './map-viewport';
import { addPhotogrammetry } from './photogrammetry-layer';
import type { LabelLanguage } from './district-layer';
import { createWaterPrimitive } from './water-layer';

export interface CityScene {
  /** What `layer`'s builder made for this scene. */
  layer<L extends CesiumLayer>(layer: MapLayerEntry<CesiumDrawing<L>>): L | undefined;
  /** Shows the layers in `shown` and hides the others; the ground always shows. */
  setVisibility(shown: ReadonlySet<MapLayerId>): void;
  /** Writes the layers' text in `language`. */
  setLanguage(language: LabelLanguage): void;
  /** Removes every city primitive from the widget. */
  destroy(): void;
}

/**
 * A Primitive is ready once its geometry is on the GPU; a collection has no such state. Cesium never
 * updates a Primitive with no geometry instances (a city without water, e.g. a SUMO network), so it
 * never turns ready: there is nothing to wait for.
 */
const isReady = (primitive: Primitive | PrimitiveCollection) => {
  const { ready, geometryInstances } = primitive as { ready?: boolean; geometryInstances?: unknown };
  return ready !== false || (Array.isArray(geometryInstances) && geometryInstances.length === 0);
};

/** Keeps rendering (request-render mode) until every primitive reports ready, then one more frame. */
function drawUntilReady(widget: CesiumWidget, primitives: (Primitive | PrimitiveCollection)[]): Promise<void> {
  const { scene } = widget;
  return new Promise((resolve) => {
    const remove = scene.postRender.addEventListener(() => {
      if (primitives.every(isReady)) {
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
  showOverview(widget.camera, city.meta, frame, mapViewport(widget));
  scene.requestRender();

  const context = { city, frame, language, mapWidthPx: widget.canvas.clientWidth, labelHost: { scene, element: widget.container as HTMLElement } };
  const built = new Map<MapLayerEntry, CesiumLayer>();
  // Each layer shows as soon as it is built: roads and districts while the buildings' mesh is still being made in a worker.
  await Promise.all(
    CESIUM_LAYERS.map(async (entry) => {
      const layer = await entry.draw.build(context);
      scene.primitives.add(layer.primitive);
      built.set(entry, layer);
      scene.requestRender();
    }),
  );
  await drawUntilReady(widget, [water, ...[...built.values()].map((layer) => layer.primitive)]);
  // Tiles stream in after the first frame; the footprint city is usable meanwhile.
  const photogrammetry = addPhotogrammetry(widget, city.meta);
  return {
    layer: <L extends CesiumLayer>(entry: MapLayerEntry<CesiumDrawing<L>>) => built.get(entry) as L | undefined,
    setVisibility(shown) {
      for (const [entry, layer] of built) layer.primitive.show = shown.has(entry.id as MapLayerId);
      scene.requestRender();
    },
    setLanguage(next) {
      for (const layer of built.values()) layer.setLanguage?.(next);
      scene.requestRender();
    },
    destroy() {
      if (widget.isDestroyed()) return;
      scene.primitives.remove(water);
      for (const layer of built.values()) {
        layer.destroy?.();
        scene.primitives.remove(layer.primitive);
      }
      void photogrammetry.then((tileset) => {
        if (tileset && !widget.isDestroyed()) scene.primitives.remove(tileset);
      });
    },
  };
}
