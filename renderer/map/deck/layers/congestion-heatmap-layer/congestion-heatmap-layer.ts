/**
 * The congestion heatmap: deck.gl's HeatmapLayer over the heat points the
 * traffic worker places along every link, coloured by the mean density of
 * the roads around each pixel (aggregation MEAN, so the colour reads in
 * vehicles per km per lane whatever the zoom, as the legend says).
 *
 * No shaders of its own: HeatmapLayer's are used as they are.
 */
import { type Color, COORDINATE_SYSTEM } from '@deck.gl/core';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { HEAT_COLORS, HEAT_DENSITY_DOMAIN_VEH_PER_KM_LANE } from '../../../../color-scales/heat-scale';
import { binaryAttribute } from '../../binary-attributes';

export interface CongestionHeatmapProps {
  id: string;
  /** Heat point positions, x, y metres from `coordinateOrigin`; the same array for the whole city. */
  positionsM: Float32Array;
  /** Density of each point's link, vehicles per km per lane. */
  weights: Float32Array;
  /** Changes whenever `weights` holds a new frame. */
  weightsVersion: number;
  /** [longitude, latitude] of the city origin, degrees. */
  coordinateOrigin: [number, number];
  visible: boolean;
  /** Radius of each point's blur on screen, CSS px. @default 24 */
  radiusPixels?: number;
  /** Opacity of the heat over the city. @default 0.55 */
  opacity?: number;
  /**
   * Side of the texture the weights are summed into, texels. A quarter of
   * deck.gl's 2048: the heat is a blur anyway, and each update also runs a
   * pass over every texel (4 million at 2048, seconds on a software renderer).
   * @default 512
   */
  weightsTextureSize?: number;
}

// Made once: HeatmapLayer rebuilds its colour texture whenever colorRange is another array.
const COLOR_RANGE: Color[] = HEAT_COLORS.map(([r, g, b, a]) => [r, g, b, a]);
const COLOR_DOMAIN: [number, number] = [...HEAT_DENSITY_DOMAIN_VEH_PER_KM_LANE];

/** Unchanged positions mean unchanged data: a new frame only re-reads the weights (see `updateTriggers`). */
const samePositions = (a: unknown, b: unknown) =>
  (a as { attributes: { getPosition: unknown } }).attributes.getPosition ===
  (b as { attributes: { getPosition: unknown } }).attributes.getPosition;

export function congestionHeatmapLayer(props: CongestionHeatmapProps): HeatmapLayer {
  return new HeatmapLayer({
    id: props.id,
    data: {
      length: props.weights.length,
      attributes: { getPosition: binaryAttribute(props.positionsM, 2), getWeight: binaryAttribute(props.weights, 1) },
    },
    dataComparator: samePositions,
    updateTriggers: { getWeight: props.weightsVersion },
    coordinateSystem: COORDINATE_SYSTEM.METER_OFFSETS,
    coordinateOrigin: [...props.coordinateOrigin, 0],
    aggregation: 'MEAN',
    colorDomain: COLOR_DOMAIN,
    colorRange: COLOR_RANGE,
    radiusPixels: props.radiusPixels ?? 24,
    opacity: props.opacity ?? 0.55,
    weightsTextureSize: props.weightsTextureSize ?? 512,
    visible: props.visible,
    pickable: false,
  });
}
