/**
 * Drill-down markers on the 3D twin: a dot per signalized intersection from
 * district zoom down, and a dot per device at street zoom, both one
 * PointPrimitiveCollection. Intersections near open alerts turn amber or
 * red and grow, so a problem shows before anyone drills down; the selected
 * place gets a white ring and shows from any distance. Clicks are matched on the CPU against the dots'
 * screen positions (see marker-picking.ts).
 */
import {
  Cartesian2,
  Cartesian3,
  Color,
  type CesiumWidget,
  DistanceDisplayCondition,
  type PointPrimitive,
  PointPrimitiveCollection,
  SceneTransforms,
} from 'cesium';
import type { CityMeta, DeviceKind } from '@protocol';
import type { DrillTarget } from '../../features/drill/drill-target';
import type { CityFrame } from './city-frame';
import { DEVICE_CSS, INTERSECTION_CSS, NEAR_ALERT_CSS } from '../marker-colours';
import { type ScreenMarker, pickMarker } from './marker-picking';

/** Camera distance up to which intersections show, metres: a district view and closer. */
export const INTERSECTION_MARKER_RANGE_M = 9_000;
/** Camera distance up to which devices show, metres: a street view and closer. */
export const DEVICE_MARKER_RANGE_M = 2_500;
const LIFT_M = 6;
const INTERSECTION_SIZE_PX = 11;
const DEVICE_SIZE_PX = 9;
/** Extra hit radius around a dot, CSS px: a finger or a hurried mouse. */
const REACH_MARGIN_PX = 8;
const INTERSECTION_COLOR = Color.fromCssColorString(INTERSECTION_CSS);
const DEVICE_COLORS = Object.fromEntries(Object.entries(DEVICE_CSS).map(([kind, css]) => [kind, Color.fromCssColorString(css)])) as Record<DeviceKind, Color>;
/** Intersection colour by open alerts within reach: one, and several. */
const ALERT_COLORS = NEAR_ALERT_CSS.map((css) => Color.fromCssColorString(css)) as [Color, Color];
const SELECTED_OUTLINE = Color.WHITE;
/** Width of the selected marker's ring, px. */
const SELECTED_OUTLINE_PX = 3;

interface Marker {
  target: DrillTarget & { id: string };
  point: PointPrimitive;
  world: Cartesian3;
  rangeM: number;
  baseColor: Color;
  baseSizePx: number;
  /** Open alerts lie within reach (an intersection drawn larger). */
  alerted: boolean;
}

export class DrillMarkers {
  private readonly collection = new PointPrimitiveCollection();
  private readonly markers: Marker[] = [];
  private readonly byKey = new Map<string, Marker>();
  private selected: Marker | null = null;
  private readonly scratchWindow = new Cartesian2();

  constructor(
    private readonly widget: CesiumWidget,
    meta: CityMeta,
    frame: CityFrame,
  ) {
    for (const node of meta.nodes) {
      if (node.signalized) this.add({ level: 'intersection', id: node.id }, frame.toWorld(node.xM, node.yM, LIFT_M), INTERSECTION_MARKER_RANGE_M, INTERSECTION_COLOR, INTERSECTION_SIZE_PX);
    }
    for (const device of meta.devices) {
      this.add({ level: 'device', id: device.id }, frame.toWorld(device.xM, device.yM, LIFT_M), DEVICE_MARKER_RANGE_M, DEVICE_COLORS[device.kind], DEVICE_SIZE_PX);
    }
    widget.scene.primitives.add(this.collection);
  }

  private add(target: Marker['target'], world: Cartesian3, rangeM: number, color: Color, sizePx: number): void {
    const point = this.collection.add({
      position: world,
      color,
      pixelSize: sizePx,
      outlineColor: Color.BLACK.withAlpha(0.6),
      outlineWidth: 1,
      distanceDisplayCondition: new DistanceDisplayCondition(0, rangeM),
      // Dots stay clickable in front of towers.
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    const marker = { target, point, world, rangeM, baseColor: color, baseSizePx: sizePx, alerted: false };
    this.markers.push(marker);
    this.byKey.set(`${target.level}:${target.id}`, marker);
  }

  /** Colours intersections by the open alerts near them (node id → count); nodes not listed have none. */
  setAlertCounts(countsByNode: ReadonlyMap<string, number>): void {
    for (const marker of this.markers) {
      if (marker.target.level !== 'intersection') continue;
      const count = countsByNode.get(marker.target.id) ?? 0;
      marker.alerted = count > 0;
      marker.point.color = count === 0 ? marker.baseColor : ALERT_COLORS[count > 1 ? 1 : 0];
      if (marker !== this.selected) marker.point.pixelSize = marker.baseSizePx * (count === 0 ? 1 : 1.5);
    }
    this.widget.scene.requestRender();
  }

  /**
   * Marks the selected intersection or device: a white ring, half as big
   * again, and shown from any distance (a device selected from the search is
   * seen before the camera arrives); anything else clears the mark.
   */
  setSelected(target: DrillTarget): void {
    const previous = this.selected;
    if (previous) {
      previous.point.outlineColor = Color.BLACK.withAlpha(0.6);
      previous.point.outlineWidth = 1;
      previous.point.pixelSize = previous.baseSizePx * (previous.alerted ? 1.5 : 1);
      previous.point.distanceDisplayCondition = new DistanceDisplayCondition(0, previous.rangeM);
    }
    this.selected = this.byKey.get(`${target.level}:${target.id ?? ''}`) ?? null;
    const selected = this.selected;
    if (selected) {
      selected.point.outlineColor = SELECTED_OUTLINE;
      selected.point.outlineWidth = SELECTED_OUTLINE_PX;
      selected.point.pixelSize = selected.baseSizePx * 1.5 + SELECTED_OUTLINE_PX;
      selected.point.distanceDisplayCondition = new DistanceDisplayCondition(0, Number.POSITIVE_INFINITY);
    }
    this.widget.scene.requestRender();
  }

  /** The marker under a click (CSS px on the canvas) among those shown at the camera's distance; devices win over intersections. */
  pick(xPx: number, yPx: number): (DrillTarget & { id: string }) | null {
    const { scene, camera } = this.widget;
    const shown = (level: DrillTarget['level']): ScreenMarker[] =>
      this.markers
        .filter((marker) => marker.target.level === level && Cartesian3.distance(camera.positionWC, marker.world) <= marker.rangeM)
        .map((marker) => {
          const window = SceneTransforms.worldToWindowCoordinates(scene, marker.world, this.scratchWindow);
          return {
            id: marker.target.id,
            xPx: window ? window.x : null,
            yPx: window ? window.y : null,
            reachPx: marker.point.pixelSize / 2 + REACH_MARGIN_PX,
          };
        });
    for (const level of ['device', 'intersection'] as const) {
      const id = pickMarker(shown(level), xPx, yPx);
      if (id !== null) return { level, id };
    }
    return null;
  }

  destroy(): void {
    if (!this.widget.isDestroyed()) this.widget.scene.primitives.remove(this.collection);
  }
}
