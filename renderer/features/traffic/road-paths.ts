/**
 * Road geometry for the road-flow layer: every link's shape as one path of
 * vertices in the city frame, at the height Cesium draws the roads, with the
 * distance along the link at each vertex (what the flow pulses move along).
 * Built once per city; per-frame values are spread over these vertices.
 *
 * Pure and DOM-free: runs in the traffic worker and in unit tests.
 */
import type { LinkShapes } from '@protocol';
import { curvatureDropM } from '@common/geo/curvature';
import { segmentLengthM } from '@common/geo/planar-measures';
import { LANE_WIDTH_M } from '@common/geo/road-dimensions';

/** Height of the flow lines above the ground, metres: the height of Cesium's base road lines (road-layer.ts). */
export const ROAD_LIFT_M = 2;

export interface RoadPaths {
  /** x, y, z per vertex, metres in the city frame; z bends with the globe like every Cesium primitive of the city. */
  positionsM: Float32Array;
  /** First vertex of each link's path, in CityMeta.links order, then the vertex count. */
  startIndices: Uint32Array;
  /** Distance from the start of its link at each vertex, metres. */
  distanceM: Float32Array;
  /** Width of its link's carriageway at each vertex, metres. */
  widthM: Float32Array;
}

export function buildRoadPaths(shapes: LinkShapes, lanes: ArrayLike<number>): RoadPaths {
  const linkCount = shapes.pointStart.length - 1;
  if (lanes.length !== linkCount) throw new Error(`road paths: ${lanes.length} lane counts for ${linkCount} links`);
  const vertexCount = shapes.xyM.length / 2;
  const positionsM = new Float32Array(3 * vertexCount);
  const distanceM = new Float32Array(vertexCount);
  const widthM = new Float32Array(vertexCount);
  for (let link = 0; link < linkCount; link++) {
    const start = shapes.pointStart[link]!;
    const end = shapes.pointStart[link + 1]!;
    let alongM = 0;
    for (let v = start; v < end; v++) {
      const x = shapes.xyM[2 * v]!;
      const y = shapes.xyM[2 * v + 1]!;
      positionsM[3 * v] = x;
      positionsM[3 * v + 1] = y;
      positionsM[3 * v + 2] = ROAD_LIFT_M - curvatureDropM(x, y);
      distanceM[v] = alongM;
      widthM[v] = lanes[link]! * LANE_WIDTH_M;
      if (v + 1 < end) alongM += segmentLengthM(shapes.xyM, v);
    }
  }
  return { positionsM, startIndices: shapes.pointStart.slice(), distanceM, widthM };
}
