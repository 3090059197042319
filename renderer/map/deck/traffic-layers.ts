/**
 * The deck.gl layers of live traffic (entries of map-layers.ts), rebuilt
 * from plain inputs on every draw (kepler.gl's habit): cheap, because the
 * arrays inside are the same objects from draw to draw and deck.gl only
 * re-reads what changed.
 */
import { COORDINATE_SYSTEM, type Layer, type LayerDataSource } from '@deck.gl/core';
import type { ProcessedTrafficFrame, TrafficGeometry } from '../../features/traffic/traffic-frame-processor';
import { binaryAttribute } from './binary-attributes';
import type { DeckCameraView } from './camera-sync';
import { congestionHeatmapLayer } from './layers/congestion-heatmap-layer/congestion-heatmap-layer';
import { RoadFlowLayer } from './layers/road-flow-layer/road-flow-layer';

/** Sizes on screen, CSS px, for a view 1080 px tall; taller views (a 4K wall) scale them up, so they read from afar. */
const HEAT_RADIUS_PX_AT_1080 = 24;
const ROAD_MIN_WIDTH_PX_AT_1080 = 2;
const ROAD_MAX_WIDTH_PX_AT_1080 = 14;

export interface TrafficLayerInputs {
  geometry: TrafficGeometry;
  /** The frame the roads show. */
  frame: ProcessedTrafficFrame;
  /** The frame the heatmap shows: it is re-aggregated less often than the roads change (see TrafficOverlay). */
  heatFrame: ProcessedTrafficFrame;
  /** [longitude, latitude] of the city origin, degrees. */
  originLngLat: readonly [number, number];
  /** The synced camera; its model matrix levels the roads where the camera looks. */
  view: DeckCameraView;
  /** Draw the roads' colours without moving pulses (the viewer asked for reduced motion). */
  still: boolean;
  /** Height of the view, CSS px: blur and line widths keep their share of the view on a wall screen. */
  viewHeightPx: number;
  /** Now, on the clock of `frame.receivedAtMs` (performance.now()), ms. */
  nowMs: number;
}

/** Same geometry, same data: a new frame only re-reads the attributes named in `updateTriggers`. */
const sameRoads = (a: unknown, b: unknown) =>
  (a as { startIndices: unknown }).startIndices === (b as { startIndices: unknown }).startIndices;

/** How much larger than at 1080 px sizes on screen are drawn: a taller view (a 4K wall) reads from afar. */
const screenScaleOf = (inputs: TrafficLayerInputs) => Math.max(1, inputs.viewHeightPx / 1080);
const originOf = (inputs: TrafficLayerInputs): [number, number] => [inputs.originLngLat[0], inputs.originLngLat[1]];

/** Vehicle density as heat, from the heat frame. */
export function heatmapLayer(inputs: TrafficLayerInputs, visible: boolean): Layer {
  const { geometry, heatFrame } = inputs;
  return congestionHeatmapLayer({
    id: 'traffic-heatmap',
    positionsM: geometry.heatPositionsM,
    weights: heatFrame.heatWeights,
    weightsVersion: heatFrame.receivedAtMs,
    coordinateOrigin: originOf(inputs),
    visible,
    radiusPixels: Math.round(HEAT_RADIUS_PX_AT_1080 * screenScaleOf(inputs)),
  });
}

/** Roads coloured by speed, with pulses moving at the traffic's pace. */
export function roadFlowLayer(inputs: TrafficLayerInputs, visible: boolean): Layer {
  const { geometry, frame, view } = inputs;
  const screenScale = screenScaleOf(inputs);
  // Identifies the frame for deck.gl's update triggers; unlike seq, it never repeats after a bridge restart.
  const frameVersion = frame.receivedAtMs;
  return new RoadFlowLayer({
    id: 'traffic-road-flow',
    // PathLayer reads binary paths' `startIndices`, which deck.gl's data type does not list.
    data: {
      length: geometry.road.startIndices.length - 1,
      startIndices: geometry.road.startIndices,
      attributes: {
        getPath: binaryAttribute(geometry.road.positionsM, 3),
        getWidth: binaryAttribute(geometry.road.widthM, 1),
        getFlowDistance: binaryAttribute(geometry.road.distanceM, 1),
        getColor: binaryAttribute(frame.roadColors, 4, true),
        getFlowPulse: binaryAttribute(frame.flowPulses, 2),
      },
    } as LayerDataSource<unknown>,
    dataComparator: sameRoads,
    updateTriggers: { getColor: frameVersion, getFlowPulse: frameVersion },
    _pathType: 'open',
    coordinateSystem: COORDINATE_SYSTEM.METER_OFFSETS,
    coordinateOrigin: [...originOf(inputs), 0],
    modelMatrix: view.modelMatrix,
    widthUnits: 'meters',
    widthMinPixels: ROAD_MIN_WIDTH_PX_AT_1080 * screenScale,
    widthMaxPixels: ROAD_MAX_WIDTH_PX_AT_1080 * screenScale,
    capRounded: true,
    jointRounded: true,
    elapsedS: Math.max(0, (inputs.nowMs - frame.receivedAtMs) / 1000),
    pulseStrength: inputs.still ? 0 : 1,
    visible,
    pickable: false,
  });
}
