/**
 * The city's local frame on the globe: x east, y north, z up, in metres from
 * the city origin. City geometry stays in this frame and a model matrix puts
 * it on the globe, which keeps vertex values small and precise.
 *
 * It is common/geo's local frame (the one the bridge serves the city in),
 * drawn with Cesium's east-north-up matrices on the same WGS84 ellipsoid;
 * the ground's drop below the tangent plane comes from common/geo too.
 */
import { Cartesian3, Matrix4, Transforms } from 'cesium';
import type { CityMeta } from '@protocol';
import { curvatureDropM } from '@common/geo/curvature';

export interface CityFrame {
  /** East-north-up to Earth-fixed, for primitives built in local metres. */
  modelMatrix: Matrix4;
  /** Earth-fixed position of a local point, ground level unless `heightM` is given. */
  toWorld(xM: number, yM: number, heightM?: number, result?: Cartesian3): Cartesian3;
  /** Local metres east and north of an Earth-fixed position (its height is dropped), e.g. of a click on the ground. */
  toLocal(world: Cartesian3): [number, number];
}

export function createCityFrame(meta: CityMeta): CityFrame {
  const originWorld = Cartesian3.fromDegrees(meta.origin.lonDeg, meta.origin.latDeg, 0);
  const modelMatrix = Transforms.eastNorthUpToFixedFrame(originWorld);
  const scratchLocal = new Cartesian3();
  const inverse = Matrix4.inverseTransformation(modelMatrix, new Matrix4());
  return {
    modelMatrix,
    toWorld(xM, yM, heightM = 0, result = new Cartesian3()) {
      Cartesian3.fromElements(xM, yM, heightM - curvatureDropM(xM, yM), scratchLocal);
      return Matrix4.multiplyByPoint(modelMatrix, scratchLocal, result);
    },
    toLocal(world) {
      const local = Matrix4.multiplyByPoint(inverse, world, scratchLocal);
      return [local.x, local.y];
    },
  };
}
