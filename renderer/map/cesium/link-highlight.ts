/**
 * The selected road or link drawn over the road network: one bright line per
 * highlighted link, all of a road's segments at once. Rebuilt on each change
 * of the selection (a road has tens of links, not thousands).
 */
import { ArcType, Color, ColorGeometryInstanceAttribute, type CesiumWidget, GeometryInstance, PolylineColorAppearance, PolylineGeometry, Primitive } from 'cesium';
import type { CityMeta, LinkShapes } from '@protocol';
import type { CityFrame } from './city-frame';

/** Above the base roads (2 m) so the highlight wins the depth test, metres. */
const HIGHLIGHT_LIFT_M = 4;
/** Line width, CSS pixels: wider than an expressway's base line. */
const HIGHLIGHT_WIDTH_PX = 6;
const HIGHLIGHT_COLOR = Color.fromCssColorString('#fde68a');

export class LinkHighlight {
  private primitive: Primitive | null = null;
  private readonly indexById: Map<string, number>;

  constructor(
    private readonly widget: CesiumWidget,
    meta: CityMeta,
    private readonly shapes: LinkShapes,
    private readonly frame: CityFrame,
  ) {
    this.indexById = new Map(meta.links.map((link, index) => [link.id, index]));
  }

  /** Highlights exactly these links (ids the city lacks are skipped); an empty set clears it. */
  show(linkIds: ReadonlySet<string>): void {
    this.clear();
    const instances: GeometryInstance[] = [];
    for (const id of linkIds) {
      const index = this.indexById.get(id);
      if (index === undefined) continue;
      const positions = [];
      for (let p = this.shapes.pointStart[index]!; p < this.shapes.pointStart[index + 1]!; p++) {
        positions.push(this.frame.toWorld(this.shapes.xyM[2 * p]!, this.shapes.xyM[2 * p + 1]!, HIGHLIGHT_LIFT_M));
      }
      if (positions.length < 2) continue;
      instances.push(
        new GeometryInstance({
          id,
          geometry: new PolylineGeometry({ positions, width: HIGHLIGHT_WIDTH_PX, arcType: ArcType.NONE }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(HIGHLIGHT_COLOR) },
        }),
      );
    }
    if (instances.length > 0) {
      this.primitive = this.widget.scene.primitives.add(
        new Primitive({ geometryInstances: instances, appearance: new PolylineColorAppearance(), allowPicking: false, asynchronous: false }),
      );
    }
    this.widget.scene.requestRender();
  }

  private clear(): void {
    if (this.primitive && !this.widget.isDestroyed()) this.widget.scene.primitives.remove(this.primitive);
    this.primitive = null;
  }

  destroy(): void {
    this.clear();
  }
}
