/**
 * Heat points for the congestion heatmap: fixed points spread evenly along
 * every link's shape, each weighted each frame by its link's density. The
 * points are placed once per city; only the weights change per frame.
 *
 * Pure and DOM-free: runs in the traffic worker and in unit tests.
 */
import type { LinkShapes } from '@protocol';
import { polylineLengthM, segmentLengthM } from '@common/geo/planar-measures';

/** Target spacing of heat points along a link, metres. */
export const HEAT_POINT_SPACING_M = 60;

export interface HeatSamples {
  /** x, y per point, metres in the city frame. */
  positionsM: Float32Array;
  /** Index into CityMeta.links of each point's link. */
  link: Uint32Array;
}

/**
 * Places round(length / spacing) points (at least one) along each link, at
 * the middles of equal stretches, so a link's share of the heat follows its
 * length and short links still show.
 */
export function sampleHeatPoints(shapes: LinkShapes, spacingM = HEAT_POINT_SPACING_M): HeatSamples {
  if (!(spacingM > 0)) throw new RangeError(`heat point spacing must be a positive number of metres, got ${spacingM}`);
  const linkCount = shapes.pointStart.length - 1;
  const lengthsM = new Float64Array(linkCount);
  const counts = new Uint32Array(linkCount);
  let total = 0;
  for (let link = 0; link < linkCount; link++) {
    lengthsM[link] = polylineLengthM(shapes.xyM, shapes.pointStart[link]!, shapes.pointStart[link + 1]!);
    counts[link] = Math.max(1, Math.round(lengthsM[link]! / spacingM));
    total += counts[link]!;
  }
  const positionsM = new Float32Array(2 * total);
  const pointLink = new Uint32Array(total);
  let next = 0;
  for (let link = 0; link < linkCount; link++) {
    const stepM = lengthsM[link]! / counts[link]!;
    const last = shapes.pointStart[link + 1]! - 2;
    let p = shapes.pointStart[link]!;
    let walkedM = 0;
    for (let k = 0; k < counts[link]!; k++) {
      const wantedM = (k + 0.5) * stepM;
      while (p < last && walkedM + segmentLengthM(shapes.xyM, p) < wantedM) walkedM += segmentLengthM(shapes.xyM, p++);
      const segmentM = segmentLengthM(shapes.xyM, p);
      const t = segmentM > 0 ? Math.min(1, Math.max(0, (wantedM - walkedM) / segmentM)) : 0;
      positionsM[2 * next] = shapes.xyM[2 * p]! + t * (shapes.xyM[2 * p + 2]! - shapes.xyM[2 * p]!);
      positionsM[2 * next + 1] = shapes.xyM[2 * p + 1]! + t * (shapes.xyM[2 * p + 3]! - shapes.xyM[2 * p + 1]!);
      pointLink[next++] = link;
    }
  }
  return { positionsM, link: pointLink };
}

/** Each point's weight: its link's density, vehicles per km per lane. */
export function heatWeights(
  pointLink: Uint32Array,
  densityVehPerKmLane: ArrayLike<number>,
  result = new Float32Array(pointLink.length),
): Float32Array {
  for (let i = 0; i < pointLink.length; i++) result[i] = densityVehPerKmLane[pointLink[i]!]!;
  return result;
}
