/**
 * The road network as quiet base lines under the traffic layers: one polyline
 * per road segment (both directions share it), width by road class.
 */
import {
  ArcType,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PolylineColorAppearance,
  PolylineGeometry,
  Primitive,
} from 'cesium';
import type { CityMeta, LinkShapes, RoadClass } from '@protocol';
import type { CityFrame } from './city-frame';

const ROAD_LIFT_M = 2;
/** Line width in pixels and colour, by road class. */
const ROAD_STYLE: Record<RoadClass, { widthPx: number; color: Color }> = {
  expressway: { widthPx: 4, color: Color.fromCssColorString('#4f77a8') },
  arterial: { widthPx: 2.5, color: Color.fromCssColorString('#35506f') },
  collector: { widthPx: 1.5, color: Color.fromCssColorString('#2a3e58') },
  local: { widthPx: 1, color: Color.fromCssColorString('#223248') },
};

export function createRoadPrimitive(meta: CityMeta, shapes: LinkShapes, frame: CityFrame): Primitive {
  const drawn = new Set<string>();
  const instances: GeometryInstance[] = [];
  meta.links.forEach((link, index) => {
    const pair = link.fromNodeId < link.toNodeId ? `${link.fromNodeId}|${link.toNodeId}` : `${link.toNodeId}|${link.fromNodeId}`;
    if (drawn.has(pair)) return;
    drawn.add(pair);
    const positions = [];
    for (let p = shapes.pointStart[index]!; p < shapes.pointStart[index + 1]!; p++) {
      positions.push(frame.toWorld(shapes.xyM[2 * p]!, shapes.xyM[2 * p + 1]!, ROAD_LIFT_M));
    }
    const style = ROAD_STYLE[link.roadClass];
    instances.push(
      new GeometryInstance({
        id: link.id,
        geometry: new PolylineGeometry({ positions, width: style.widthPx, arcType: ArcType.NONE }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(style.color) },
      }),
    );
  });
  return new Primitive({
    geometryInstances: instances,
    appearance: new PolylineColorAppearance(),
    allowPicking: false,
  });
}
