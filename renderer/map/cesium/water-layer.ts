/**
 * Rivers and lakes as flat polygons just above the globe, under roads and buildings.
 */
import {
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
} from 'cesium';
import type { CityMeta } from '@protocol';
import type { CityFrame } from './city-frame';

const WATER_COLOR = Color.fromCssColorString('#0b2f4a');
/** Above the district fill (1 m) and below the roads (2 m), in metres. */
const WATER_LIFT_M = 1.5;

export function createWaterPrimitive(meta: CityMeta, frame: CityFrame): Primitive {
  return new Primitive({
    geometryInstances: meta.water.map(
      (body) =>
        new GeometryInstance({
          id: body.id,
          geometry: new PolygonGeometry({
            polygonHierarchy: new PolygonHierarchy(body.ringM.map(([x, y]) => frame.toWorld(x, y, WATER_LIFT_M))),
            perPositionHeight: true,
          }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(WATER_COLOR) },
        }),
    ),
    appearance: new PerInstanceColorAppearance({ flat: true }),
    allowPicking: false,
  });
}
