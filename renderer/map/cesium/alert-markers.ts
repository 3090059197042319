/**
 * Alerts on the 3D twin: one Cesium Primitive holding a camera-facing
 * square per alert, drawn by the alert-pulse shaders as a dot in the
 * severity's colour with a pulsing ring. Rebuilt whole when the alerts
 * change (hundreds of markers at most, a few times a minute); the pulse
 * itself costs no CPU beyond one uniform per frame.
 *
 * Clicks are matched on the CPU against the markers' screen positions
 * rather than with Cesium's pick pass: one geometry has one pick id, and a
 * marker should be hit anywhere in its ring, which the shader discards.
 */
import {
  Appearance,
  BlendingState,
  BoundingSphere,
  type Cartesian2,
  Cartesian3,
  type CesiumWidget,
  ComponentDatatype,
  Geometry,
  GeometryAttribute,
  GeometryAttributes,
  GeometryInstance,
  HeadingPitchRange,
  Material,
  Math as CesiumMath,
  Primitive,
  PrimitiveType,
  SceneTransforms,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
} from 'cesium';
import fragmentShaderSource from '@shaders/alert-pulse.frag.glsl?raw';
import vertexShaderSource from '@shaders/alert-pulse.vert.glsl?raw';
import type { CityFrame } from './city-frame';
import { pickMarker } from './marker-picking';

export interface AlertMarker {
  id: string;
  /** Centre in the city's local metres (x east, y north). */
  xM: number;
  yM: number;
  /** The severity's colour, bytes. */
  rgb: readonly [number, number, number];
  /** Escalated: bigger, faster and brighter. */
  loud: boolean;
}

export interface AlertMarkersOptions {
  /** Marker size on screen, CSS px; escalated ones are half as big again. @default 44 */
  sizePx?: number;
  /** Draw still rings (the viewer asked for reduced motion). @default false */
  still?: boolean;
  /** Time between pulse frames, ms: the scene renders on request only, so the pulse asks for frames itself. @default 50 */
  pulseFrameMs?: number;
  /** Called with the id of a clicked marker. */
  onPick?: (alertId: string) => void;
}

/** Height of the markers above the ground, metres: clear of the road lines. */
const LIFT_M = 8;
/** Distance the camera stops from an alert it flies to, metres, and the pitch it looks down at. */
const FLY_RANGE_M = 1800;
const FLY_PITCH_DEG = -45;
const FLY_DURATION_S = 1.2;
const LOUD_SCALE = 1.5;
const BOUNDS_MARGIN_M = 500;

const CORNERS = [-1, -1, 1, -1, 1, 1, -1, 1];

/** Declares `alertPulse_timeS()` for the fragment shader; the material renames `timeS` to its bound uniform. */
const CLOCK_MATERIAL_SOURCE = `
float alertPulse_timeS() { return timeS; }
czm_material czm_getMaterial(czm_materialInput materialInput) { return czm_getDefaultMaterial(materialInput); }
`;

/** A phase offset per alert, stable across rebuilds, so markers do not pulse in lockstep. */
function phaseOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return (hash % 1000) / 1000;
}

export class AlertMarkers {
  private readonly sizePx: number;
  private readonly pulseFrameMs: number;
  private readonly still: boolean;
  private readonly clock = new Material({ fabric: { uniforms: { timeS: 0 }, source: CLOCK_MATERIAL_SOURCE }, translucent: true });
  private readonly handler: ScreenSpaceEventHandler;
  private primitive: Primitive | null = null;
  private markers: { id: string; world: Cartesian3; loud: boolean }[] = [];
  private pulseTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly scratchWindow: Cartesian2[] = [];

  constructor(
    private readonly widget: CesiumWidget,
    private readonly frame: CityFrame,
    options: AlertMarkersOptions = {},
  ) {
    this.sizePx = options.sizePx ?? 44;
    this.pulseFrameMs = options.pulseFrameMs ?? 50;
    this.still = options.still ?? false;
    this.handler = new ScreenSpaceEventHandler(widget.canvas);
    const onPick = options.onPick;
    if (onPick) {
      this.handler.setInputAction((click: { position: Cartesian2 }) => {
        const id = this.pick(click.position.x, click.position.y);
        if (id !== null) onPick(id);
      }, ScreenSpaceEventType.LEFT_CLICK);
    }
  }

  /** Number of markers drawn. */
  get count(): number {
    return this.markers.length;
  }

  /** Replaces every marker. */
  set(markers: readonly AlertMarker[]): void {
    this.removePrimitive();
    this.markers = markers.map((marker) => ({ id: marker.id, world: this.frame.toWorld(marker.xM, marker.yM, LIFT_M), loud: marker.loud }));
    if (markers.length > 0) this.primitive = this.widget.scene.primitives.add(this.createPrimitive(markers)) as Primitive;
    this.schedulePulse();
    this.widget.scene.requestRender();
  }

  /** The marker drawn at a canvas position (CSS px), or null. */
  pick(xPx: number, yPx: number): string | null {
    const { scene } = this.widget;
    const onScreen = this.markers.map((marker, i) => {
      const window = SceneTransforms.worldToWindowCoordinates(scene, marker.world, this.scratchWindow[i]);
      if (window) this.scratchWindow[i] = window;
      const reachPx = (this.sizePx * (marker.loud ? LOUD_SCALE : 1)) / 2;
      return { id: marker.id, xPx: window?.x ?? null, yPx: window?.y ?? null, reachPx };
    });
    return pickMarker(onScreen, xPx, yPx);
  }

  /** Flies the camera to the alert's marker, keeping the current heading; does nothing for an unknown id. */
  flyTo(alertId: string): void {
    const marker = this.markers.find((candidate) => candidate.id === alertId);
    if (!marker) return;
    const { camera } = this.widget;
    camera.flyToBoundingSphere(new BoundingSphere(marker.world, 1), {
      offset: new HeadingPitchRange(camera.heading, CesiumMath.toRadians(FLY_PITCH_DEG), FLY_RANGE_M),
      duration: FLY_DURATION_S,
    });
    this.widget.scene.requestRender();
  }

  destroy(): void {
    clearTimeout(this.pulseTimer);
    this.handler.destroy();
    this.removePrimitive();
    this.markers = [];
  }

  private removePrimitive(): void {
    if (this.primitive && !this.widget.isDestroyed()) this.widget.scene.primitives.remove(this.primitive);
    this.primitive = null;
  }

  /** Advances the pulse and asks for a frame, at the pulse rate, while there is something to pulse. */
  private schedulePulse(): void {
    clearTimeout(this.pulseTimer);
    if (this.still || this.markers.length === 0) return;
    this.pulseTimer = setTimeout(() => {
      if (this.widget.isDestroyed()) return;
      this.clock.uniforms.timeS = performance.now() / 1000;
      this.widget.scene.requestRender();
      this.schedulePulse();
    }, this.pulseFrameMs);
  }

  /** Around every centre, plus room for the squares: culling must not drop a marker whose centre is just off screen. */
  private bounds(): BoundingSphere {
    const sphere = BoundingSphere.fromPoints(this.markers.map((marker) => marker.world));
    sphere.radius += BOUNDS_MARGIN_M;
    return sphere;
  }

  private createPrimitive(markers: readonly AlertMarker[]): Primitive {
    const count = markers.length;
    const positions = new Float64Array(count * 12);
    const corners = new Float32Array(count * 8);
    const colors = new Uint8Array(count * 16);
    const pulses = new Float32Array(count * 12);
    const indices = new Uint32Array(count * 6);
    markers.forEach((marker, m) => {
      const { world } = this.markers[m]!;
      const size = this.sizePx * (marker.loud ? LOUD_SCALE : 1);
      const phase = phaseOf(marker.id);
      for (let c = 0; c < 4; c++) {
        const v = m * 4 + c;
        positions.set([world.x, world.y, world.z], v * 3);
        corners.set([CORNERS[c * 2]!, CORNERS[c * 2 + 1]!], v * 2);
        colors.set([...marker.rgb, 255], v * 4);
        pulses.set([phase, marker.loud ? 1 : 0, size], v * 3);
      }
      indices.set([0, 1, 2, 0, 2, 3].map((i) => m * 4 + i), m * 6);
    });
    const geometry = new Geometry({
      // GeometryAttributes types only the standard names; Cesium passes every attribute to the shader by name.
      attributes: Object.assign(new GeometryAttributes(), {
        position: new GeometryAttribute({ componentDatatype: ComponentDatatype.DOUBLE, componentsPerAttribute: 3, values: positions }),
        corner: new GeometryAttribute({ componentDatatype: ComponentDatatype.FLOAT, componentsPerAttribute: 2, values: corners }),
        color: new GeometryAttribute({ componentDatatype: ComponentDatatype.UNSIGNED_BYTE, componentsPerAttribute: 4, normalize: true, values: colors }),
        pulse: new GeometryAttribute({ componentDatatype: ComponentDatatype.FLOAT, componentsPerAttribute: 3, values: pulses }),
      }),
      indices,
      primitiveType: PrimitiveType.TRIANGLES,
      boundingSphere: this.bounds(),
    });
    return new Primitive({
      geometryInstances: new GeometryInstance({ geometry, id: 'alert-markers' }),
      appearance: new Appearance({
        material: this.clock,
        vertexShaderSource,
        fragmentShaderSource,
        translucent: true,
        // Alerts stay visible in front of towers: an operator must see every one.
        renderState: { depthTest: { enabled: false }, depthMask: false, blending: BlendingState.ALPHA_BLEND },
      }),
      asynchronous: false,
      compressVertices: false,
      releaseGeometryInstances: true,
      allowPicking: false,
    });
  }
}
