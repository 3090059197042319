/**
 * Dims the city outside the selected district: one translucent dark volume
 * over the whole city with the district cut out of it. Everything outside
 * is seen through the volume's roof or walls and darkens; the district,
 * seen through the hole, keeps its colours. The building shaders stay
 * untouched, and the roads and traffic layers dim along with the buildings.
 */
import {
  type CesiumWidget,
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

/** How dark the outside gets: the veil's colour and opacity. */
const VEIL_COLOR = Color.fromCssColorString('#02060d').withAlpha(0.62);
/** Margin of the volume beyond the city's bounds, metres. */
const MARGIN_M = 2_000;

export class DistrictDimming {
  private primitive: Primitive | null = null;

  /** @param heightM - top of the volume, metres: above the tallest building. */
  constructor(
    private readonly widget: CesiumWidget,
    private readonly meta: CityMeta,
    private readonly frame: CityFrame,
    private readonly heightM: number,
  ) {}

  /** Dims everything outside this district; null lifts the veil. */
  show(districtId: string | null): void {
    this.remove();
    const district = districtId === null ? undefined : this.meta.districts.find((candidate) => candidate.id === districtId);
    if (!district) {
      this.widget.scene.requestRender();
      return;
    }
    const { minXM, minYM, maxXM, maxYM } = this.meta.bounds;
    const outer = [
      [minXM - MARGIN_M, minYM - MARGIN_M],
      [maxXM + MARGIN_M, minYM - MARGIN_M],
      [maxXM + MARGIN_M, maxYM + MARGIN_M],
      [minXM - MARGIN_M, maxYM + MARGIN_M],
    ].map(([x, y]) => this.frame.toWorld(x!, y!));
    const hole = district.ringM.map(([x, y]) => this.frame.toWorld(x, y));
    this.primitive = this.widget.scene.primitives.add(
      new Primitive({
        geometryInstances: new GeometryInstance({
          geometry: new PolygonGeometry({
            polygonHierarchy: new PolygonHierarchy(outer, [new PolygonHierarchy(hole)]),
            height: 0,
            extrudedHeight: this.heightM,
          }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(VEIL_COLOR) },
        }),
        // Closed: only faces turned to the camera draw, so the outside darkens once, not twice.
        appearance: new PerInstanceColorAppearance({ flat: true, translucent: true, closed: false }),
        allowPicking: false,
        // One polygon: built at once rather than in a worker, so the veil shows in the frame that asks for it.
        asynchronous: false,
      }),
    ) as Primitive;
    this.widget.scene.requestRender();
  }

  private remove(): void {
    if (this.primitive && !this.widget.isDestroyed()) this.widget.scene.primitives.remove(this.primitive);
    this.primitive = null;
  }

  destroy(): void {
    this.remove();
  }
}
