/**
 * Framing the whole city in the part of the map no panel covers: the target
 * and range of an oblique camera (fixed heading and pitch) at which every
 * point given projects inside a screen rectangle. Pure and flat (the city's
 * local metres, curvature ignored: a few metres over a city), so it tests
 * without WebGL. Regression (issue 14): at the city view the city ran off
 * the map at 1366×768 and under the legend and the layer switches.
 */

/** A point of the city, local metres (x east, y north, z up). */
export interface LocalPoint {
  xM: number;
  yM: number;
  zM: number;
}

/** The map as the camera sees it. */
export interface FramingViewport {
  /** The map's size, CSS px. */
  widthPx: number;
  heightPx: number;
  /** Bands at the top and the bottom that panels cover, CSS px. @default 0 */
  topInsetPx?: number;
  bottomInsetPx?: number;
  /** Vertical field of view, radians. */
  fovyRad: number;
}

export interface CameraPose {
  /** Ground point looked at, local metres. */
  xM: number;
  yM: number;
  /** Camera to target, metres. */
  rangeM: number;
  /** Degrees clockwise from north. */
  headingDeg: number;
  /** Degrees below the horizon (negative). */
  pitchDeg: number;
}

/** The share of the free rectangle's width or height the city fills at most: a margin all round. @default 0.92 */
export const FRAME_FILL = 0.92;
const ITERATIONS = 40;

const toRad = (deg: number) => (deg * Math.PI) / 180;

/** The camera's axes in the local frame: where it looks, its right and its up. */
function axes(headingDeg: number, pitchDeg: number) {
  const h = toRad(headingDeg);
  const p = toRad(pitchDeg);
  const look = [Math.sin(h) * Math.cos(p), Math.cos(h) * Math.cos(p), Math.sin(p)] as const;
  const right = [Math.cos(h), -Math.sin(h), 0] as const;
  // up = right × look
  const up = [right[1] * look[2] - right[2] * look[1], right[2] * look[0] - right[0] * look[2], right[0] * look[1] - right[1] * look[0]] as const;
  return { look, right, up };
}

/**
 * Where `point` lands on screen from `pose`, in normalised device
 * coordinates (x right, y up, −1…1 across the whole map); null behind the camera.
 */
export function projectToNdc(point: LocalPoint, pose: CameraPose, viewport: FramingViewport): { x: number; y: number } | null {
  const { look, right, up } = axes(pose.headingDeg, pose.pitchDeg);
  const camera = [pose.xM - pose.rangeM * look[0], pose.yM - pose.rangeM * look[1], -pose.rangeM * look[2]];
  const v = [point.xM - camera[0]!, point.yM - camera[1]!, point.zM - camera[2]!];
  const dot = (a: readonly number[]) => a[0]! * v[0]! + a[1]! * v[1]! + a[2]! * v[2]!;
  const depth = dot(look);
  if (depth <= 0) return null;
  const tanY = Math.tan(viewport.fovyRad / 2);
  const tanX = tanY * (viewport.widthPx / viewport.heightPx);
  return { x: dot(right) / (depth * tanX), y: dot(up) / (depth * tanY) };
}

/** The free rectangle in normalised device coordinates. */
export function freeRectNdc(viewport: FramingViewport): { left: number; right: number; bottom: number; top: number } {
  const top = 1 - (2 * (viewport.topInsetPx ?? 0)) / viewport.heightPx;
  const bottom = -1 + (2 * (viewport.bottomInsetPx ?? 0)) / viewport.heightPx;
  return { left: -1, right: 1, bottom, top };
}

/**
 * The target and range at which every point fits inside the free rectangle,
 * centred in it, filling `fill` of it along its tighter side. Solved by
 * fixed-point steps: scale the range by how much too big the points' box is,
 * and slide the target by how far off centre it lies.
 */
export function frameCity(points: readonly LocalPoint[], headingDeg: number, pitchDeg: number, viewport: FramingViewport, fill = FRAME_FILL): CameraPose {
  const free = freeRectNdc(viewport);
  const { right, up } = axes(headingDeg, pitchDeg);
  const h = toRad(headingDeg);
  const forward = [Math.sin(h), Math.cos(h), 0] as const;
  // How much a step of the target along the ground forward moves it on the camera's up axis.
  const forwardOnUp = forward[0] * up[0] + forward[1] * up[1];
  const tanY = Math.tan(viewport.fovyRad / 2);
  const tanX = tanY * (viewport.widthPx / viewport.heightPx);
  const xs = points.map((p) => p.xM);
  const ys = points.map((p) => p.yM);
  const spanM = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1);
  let pose: CameraPose = {
    xM: (Math.min(...xs) + Math.max(...xs)) / 2,
    yM: (Math.min(...ys) + Math.max(...ys)) / 2,
    rangeM: spanM * 2,
    headingDeg,
    pitchDeg,
  };
  for (let i = 0; i < ITERATIONS; i++) {
    const projected = points.map((p) => projectToNdc(p, pose, viewport));
    if (projected.some((p) => p === null)) {
      pose = { ...pose, rangeM: pose.rangeM * 2 };
      continue;
    }
    const box = projected as { x: number; y: number }[];
    const minX = Math.min(...box.map((p) => p.x));
    const maxX = Math.max(...box.map((p) => p.x));
    const minY = Math.min(...box.map((p) => p.y));
    const maxY = Math.max(...box.map((p) => p.y));
    const scale = Math.max((maxX - minX) / ((free.right - free.left) * fill), (maxY - minY) / ((free.top - free.bottom) * fill));
    const offX = (minX + maxX) / 2 - (free.left + free.right) / 2;
    const offY = (minY + maxY) / 2 - (free.bottom + free.top) / 2;
    // An offset of one NDC unit is range·tan(fov/2) metres across the view at the target's depth.
    const sideM = offX * pose.rangeM * tanX;
    const forwardM = (offY * pose.rangeM * tanY) / forwardOnUp;
    pose = {
      ...pose,
      xM: pose.xM + right[0] * sideM + forward[0] * forwardM,
      yM: pose.yM + right[1] * sideM + forward[1] * forwardM,
      rangeM: pose.rangeM * scale,
    };
  }
  return pose;
}
