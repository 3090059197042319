/**
 * Every layer of the city map, one entry each (declarations in map-layer.ts).
 * The order is the order of the switches, and the drawing order within each
 * kind: deck.gl draws the heatmap under the road flow. The legend lists
 * its entries topmost first, as map legends do.
 *
 * The ground (water) and a city's photogrammetry are not layers: they always
 * show, under everything (city-scene.ts).
 */
import { PrimitiveCollection } from 'cesium';
import { buildBuildingMeshInWorker } from './cesium/building-mesh-client';
import { createBuildingPrimitive } from './cesium/building-primitive';
import { type DistrictLayer, createDistrictLayer, labelFont, labelFontPx } from './cesium/district-layer';
import { createRoadPrimitive } from './cesium/road-layer';
import { useAlertMarkers } from './cesium/use-alert-markers';
import { heatmapLayer, roadFlowLayer } from './deck/traffic-layers';
import type { CesiumDrawing, CesiumLayer, CesiumLayerContext, LayerDrawing, MapLayerEntry, MapMode } from './map-layer';
import { DENSITY_LEGEND, SPEED_LEGEND } from './traffic-legends';

const cesium = <L extends CesiumLayer>(build: (context: CesiumLayerContext) => L | Promise<L>): CesiumDrawing<L> => ({ kind: 'cesium', build });

const EVERY_MODE: readonly MapMode[] = ['twin', 'traffic'];

/** District outlines, fills and names; the drill-down tints and badges them (use-drill-map.ts). */
export const DISTRICTS_LAYER = {
  id: 'districts',
  toggle: { labelKey: 'layers.districts', defaultOn: true, modes: EVERY_MODE },
  legend: null,
  draw: cesium(async ({ city, frame, language, mapWidthPx, labelHost }): Promise<DistrictLayer> => {
    const fontPx = labelFontPx(mapWidthPx);
    // Labels are rasterised once; make sure the bundled CJK font is loaded first.
    await document.fonts.load(labelFont(fontPx), city.meta.name.zh + city.meta.name.en);
    return createDistrictLayer(city.meta, frame, language, fontPx, labelHost);
  }),
} as const satisfies MapLayerEntry;

export const MAP_LAYERS = [
  {
    id: 'buildings',
    // A traffic panel leaves the buildings out, so nothing hides the roads.
    toggle: { labelKey: 'layers.buildings', defaultOn: true, modes: ['twin'] },
    legend: null,
    // A city without buildings (a SUMO network without polygons) gets an empty collection: Cesium never readies a Primitive with no geometry.
    draw: cesium(async ({ city, frame }) => ({
      primitive:
        city.buildings.heightM.length === 0
          ? new PrimitiveCollection()
          : createBuildingPrimitive(await buildBuildingMeshInWorker(city.buildings), frame.modelMatrix),
    })),
  },
  {
    id: 'roads',
    toggle: { labelKey: 'layers.roads', defaultOn: true, modes: EVERY_MODE },
    legend: null,
    draw: cesium(({ city, frame }) => ({ primitive: createRoadPrimitive(city.meta, city.linkShapes, frame) })),
  },
  DISTRICTS_LAYER,
  {
    id: 'heatmap',
    toggle: { labelKey: 'layers.heatmap', defaultOn: true, modes: EVERY_MODE },
    legend: DENSITY_LEGEND,
    draw: { kind: 'deck', build: heatmapLayer, animated: false },
  },
  {
    id: 'flow',
    toggle: { labelKey: 'layers.flow', defaultOn: true, modes: EVERY_MODE },
    legend: SPEED_LEGEND,
    draw: { kind: 'deck', build: roadFlowLayer, animated: true },
  },
  {
    id: 'alerts',
    toggle: null,
    legend: null,
    draw: { kind: 'markers', use: useAlertMarkers, countAttribute: 'data-alert-markers' },
  },
] as const satisfies readonly MapLayerEntry[];

export type MapLayer = (typeof MAP_LAYERS)[number];
export type MapLayerId = MapLayer['id'];
/** The layers with a switch. */
export type ToggledLayer = Extract<MapLayer, { toggle: object }>;
export type ToggledLayerId = ToggledLayer['id'];

const hasToggle = (layer: MapLayer): layer is ToggledLayer => layer.toggle !== null;
const drawnBy =
  <K extends LayerDrawing['kind']>(kind: K) =>
  (layer: MapLayer): layer is Extract<MapLayer, { draw: { kind: K } }> =>
    layer.draw.kind === kind;

export const TOGGLED_LAYERS: readonly ToggledLayer[] = MAP_LAYERS.filter(hasToggle);
export const CESIUM_LAYERS = MAP_LAYERS.filter(drawnBy('cesium'));
export const DECK_LAYERS = MAP_LAYERS.filter(drawnBy('deck'));
export const MARKER_LAYERS = MAP_LAYERS.filter(drawnBy('markers'));

/** The switches' settings: on or off for each layer that has one. */
export type LayerVisibility = Record<ToggledLayerId, boolean>;

/** Whether a map in `mode` may show `layer` (and offers its switch). */
export const mayShowIn = (layer: ToggledLayer, mode: MapMode): boolean => (layer.toggle.modes as readonly MapMode[]).includes(mode);

/** The layers a map in `mode` shows under these switches. */
export function shownLayers(visibility: LayerVisibility, mode: MapMode): ReadonlySet<MapLayerId> {
  const shown = MAP_LAYERS.filter((layer) => !hasToggle(layer) || (mayShowIn(layer, mode) && visibility[layer.id]));
  return new Set(shown.map((layer) => layer.id));
}
