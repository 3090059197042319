/**
 * Keeps deck.gl's camera in step with Cesium's (see README.md, "deck.gl over
 * Cesium"). Cesium owns the camera; after each Cesium frame its pose is
 * expressed in the city's east-north-up frame and turned into the MapView
 * view state that shows the same ground from the same place through the
 * same lens.
 *
 * The traffic layers draw in METER_OFFSETS from the city origin, so deck's
 * world is the city frame itself. Cesium bends that frame onto the globe
 * (ground `curvatureDropM` below the tangent plane); deck's world is flat.
 * So each frame the city is levelled at the point the camera looks at: a
 * small rotation, given to the layers as their model matrix, makes deck's
 * ground plane the tangent plane there. Cesium's camera has no roll against
 * that plane, so pitch and bearing describe it exactly.
 */
import { WebMercatorViewport } from '@deck.gl/core';
import { type Camera, Cartesian3, Math as CesiumMath, Matrix3, Matrix4, PerspectiveFrustum, Quaternion } from 'cesium';
import { curvatureDropM } from '@common/geo/curvature';

/** Tilt from the vertical, in degrees, above which deck.gl's MapController would clamp a view. */
export const DECK_MAX_PITCH_DEG = 60;
/**
 * Least angle, in degrees, kept between the top edge of the view and the
 * horizon: deck.gl fits its far plane to the ground seen at the top edge,
 * and the heatmap unprojects the view's corners onto the ground.
 */
export const HORIZON_MARGIN_DEG = 10;
/** Zoom is rounded to this step so the heatmap is not re-aggregated for noise while the camera moves. */
export const ZOOM_STEP = 1e-4;

/** What the sync reads from Cesium's camera: its Earth-fixed pose and lens. */
export interface CesiumCameraPose {
  /** Camera position, Earth-fixed (ECEF) metres. */
  positionWC: Cartesian3;
  /** Unit view direction, Earth-fixed. */
  directionWC: Cartesian3;
  /** Unit up direction of the image, Earth-fixed. */
  upWC: Cartesian3;
  /** Vertical field of view, radians (PerspectiveFrustum.fovy). */
  fovyRad: number;
}

/** The pose of `camera`, or undefined while it has no perspective lens (deck.gl's MapView has only that kind). */
export function poseOf(camera: Camera): CesiumCameraPose | undefined {
  const { frustum } = camera;
  if (!(frustum instanceof PerspectiveFrustum) || frustum.fovy === undefined) return undefined;
  return { positionWC: camera.positionWC, directionWC: camera.directionWC, upWC: camera.upWC, fovyRad: frustum.fovy };
}

/** A deck.gl MapView view state, the lens, and how the layers are levelled for it. */
export interface DeckCameraView {
  viewState: {
    longitude: number;
    latitude: number;
    zoom: number;
    /** Tilt from looking straight down, degrees. */
    pitch: number;
    /** Compass heading of the view, degrees clockwise from north. */
    bearing: number;
  };
  /** Vertical field of view, degrees; a MapView prop. */
  fovy: number;
  /** Column-major 4×4 model matrix for layers in city metres: levels the city at the target. */
  modelMatrix: Float64Array;
}

/** The city's origin as both libraries see it; built once per city by `createCityAnchor`. */
export interface CityAnchor {
  /** [longitude, latitude] of the city origin, degrees: the layers' coordinateOrigin. */
  readonly originLngLat: readonly [number, number];
  /** Earth-fixed to city east-north-up metres: the inverse of the city frame's model matrix. */
  readonly fixedToLocal: Matrix4;
  /** deck.gl common units per metre at the origin (the METER_OFFSETS scale). */
  readonly unitsPerMeter: number;
  /**
   * Growth of deck's east-west scale per metre north of the origin, 1/m: how
   * METER_OFFSETS follow the Mercator stretch away from the origin.
   */
  readonly eastScaleGrowthPerM: number;
  /** Adds metres east and north to the origin the way METER_OFFSETS do; [lon, lat] degrees. */
  readonly offsetToLngLat: (eastM: number, northM: number) => number[];
}

/**
 * @param origin - the city origin, degrees
 * @param localToFixed - the city frame's model matrix (east-north-up at the origin to Earth-fixed)
 */
export function createCityAnchor(origin: { lonDeg: number; latDeg: number }, localToFixed: Matrix4): CityAnchor {
  const originLngLat = [origin.lonDeg, origin.latDeg] as const;
  const viewport = new WebMercatorViewport({ longitude: origin.lonDeg, latitude: origin.latDeg, zoom: 0 });
  // Given an origin, deck returns its high-precision scales, which include METER_OFFSETS' second-order term.
  const scales = viewport.getDistanceScales([...originLngLat]) as { unitsPerMeter: number[]; unitsPerMeter2?: number[] };
  const unitsPerMeter = scales.unitsPerMeter[0]!;
  const unitsPerMeter2 = scales.unitsPerMeter2?.[0];
  if (unitsPerMeter2 === undefined) throw new Error('deck.gl gave no second-order distance scales for the city origin');
  return {
    originLngLat,
    fixedToLocal: Matrix4.inverseTransformation(localToFixed, new Matrix4()),
    unitsPerMeter,
    eastScaleGrowthPerM: unitsPerMeter2 / unitsPerMeter,
    offsetToLngLat: (eastM, northM) => viewport.addMetersToLngLat([...originLngLat], [eastM, northM]),
  };
}

/**
 * Largest deck pitch, in degrees, for a view `fovyDeg` tall: MapController's
 * 60°, lowered where a tall view would otherwise bring the horizon too close.
 */
export function maxDeckPitchDeg(fovyDeg: number): number {
  return Math.min(DECK_MAX_PITCH_DEG, 90 - fovyDeg / 2 - HORIZON_MARGIN_DEG);
}

/** deck.gl's camera distance for a view `fovyDeg` tall, in view heights (its `altitude`). */
export function altitudeForFovy(fovyDeg: number): number {
  return 0.5 / Math.tan(CesiumMath.toRadians(fovyDeg) / 2);
}

const scratchPosition = new Cartesian3();
const scratchDirection = new Cartesian3();
const scratchUp = new Cartesian3();
const scratchNormal = new Cartesian3();
const scratchAxis = new Cartesian3();
const scratchTarget = new Cartesian3();
const scratchQuaternion = new Quaternion();
const scratchRotation = new Matrix3();
const scratchLevelling = new Matrix4();

/**
 * The deck.gl view showing what Cesium's camera shows, for a view
 * `heightPx` CSS pixels tall; undefined while the centre of the view does
 * not meet the ground (looking at or above the horizon).
 *
 * - target: where the ray through the centre of the view meets the city's ground;
 * - pitch: the angle between the view direction and straight down at the target (Cesium's pitch + 90°);
 * - bearing: the compass heading of the view (of the image's up direction when looking straight down);
 * - fovy: Cesium's vertical field of view, so both lenses are the same;
 * - zoom: the scale at which deck's camera, `altitude` view heights from the
 *   target, stands as far from it as Cesium's camera does.
 */
export function deckViewFromCesium(pose: CesiumCameraPose, heightPx: number, anchor: CityAnchor): DeckCameraView | undefined {
  const position = Matrix4.multiplyByPoint(anchor.fixedToLocal, pose.positionWC, scratchPosition);
  const direction = Cartesian3.normalize(
    Matrix4.multiplyByPointAsVector(anchor.fixedToLocal, pose.directionWC, scratchDirection),
    scratchDirection,
  );
  const up = Matrix4.multiplyByPointAsVector(anchor.fixedToLocal, pose.upWC, scratchUp);
  if (direction.z >= -1e-9 || position.z <= 0) return undefined;

  const distanceM = distanceToGroundM(position, direction);
  const targetEastM = position.x + distanceM * direction.x;
  const targetNorthM = position.y + distanceM * direction.y;
  const levelling = levellingAt(targetEastM, targetNorthM, scratchLevelling);
  const rotation = Matrix4.getMatrix3(levelling, scratchRotation);
  Matrix3.multiplyByVector(rotation, direction, direction);
  Matrix3.multiplyByVector(rotation, up, up);

  const fovy = CesiumMath.toDegrees(pose.fovyRad);
  // METER_OFFSETS stretch east-west (not north-south) with distance north of
  // the origin; the mean of the two scales at the target fits the view best.
  const unitsPerMeter = anchor.unitsPerMeter * (1 + (anchor.eastScaleGrowthPerM * targetNorthM) / 2);
  const scale = (altitudeForFovy(fovy) * heightPx) / (distanceM * unitsPerMeter);
  const [longitude, latitude] = anchor.offsetToLngLat(targetEastM, targetNorthM);
  return {
    viewState: {
      longitude: longitude!,
      latitude: latitude!,
      zoom: Math.round(Math.log2(scale) / ZOOM_STEP) * ZOOM_STEP,
      pitch: CesiumMath.toDegrees(Math.acos(CesiumMath.clamp(-direction.z, -1, 1))),
      // Without roll, the image's up direction leans the same way as the view
      // direction, so their sum has a heading even when one of them is vertical.
      bearing: CesiumMath.toDegrees(Math.atan2(direction.x + up.x, direction.y + up.y)),
    },
    fovy,
    modelMatrix: Float64Array.from(Matrix4.toArray(levelling)),
  };
}

/**
 * Distance along the view ray to the city's ground, metres. Starts from the
 * tangent plane and corrects for the ground's drop where the ray lands; each
 * step shrinks the error by about (distance from origin / Earth radius).
 */
function distanceToGroundM(position: Cartesian3, direction: Cartesian3): number {
  let distanceM = -position.z / direction.z;
  for (let step = 0; step < 3; step++) {
    const dropM = curvatureDropM(position.x + distanceM * direction.x, position.y + distanceM * direction.y);
    distanceM = -(position.z + dropM) / direction.z;
  }
  return distanceM;
}

/**
 * Rigid motion of the city frame that turns the ground at (x, y) level and
 * lifts it to height 0, leaving (x, y) where it is: a rotation taking the
 * ground's normal there to straight up, about that ground point.
 */
function levellingAt(xM: number, yM: number, result: Matrix4): Matrix4 {
  // The ground is z = −curvatureDropM(x, y), a paraboloid: central differences of it are exact.
  const slopeX = (curvatureDropM(xM + 1, yM) - curvatureDropM(xM - 1, yM)) / 2;
  const slopeY = (curvatureDropM(xM, yM + 1) - curvatureDropM(xM, yM - 1)) / 2;
  const normal = Cartesian3.normalize(Cartesian3.fromElements(slopeX, slopeY, 1, scratchNormal), scratchNormal);
  const axis = Cartesian3.cross(normal, Cartesian3.UNIT_Z, scratchAxis);
  const sine = Cartesian3.magnitude(axis);
  const rotation =
    sine < 1e-15
      ? Matrix3.clone(Matrix3.IDENTITY, scratchRotation)
      : Matrix3.fromQuaternion(
          Quaternion.fromAxisAngle(Cartesian3.normalize(axis, axis), Math.asin(sine), scratchQuaternion),
          scratchRotation,
        );
  // q = R·(p − ground) + (x, y, 0): translation = (x, y, 0) − R·ground.
  const ground = Cartesian3.fromElements(xM, yM, -curvatureDropM(xM, yM), scratchTarget);
  const turned = Matrix3.multiplyByVector(rotation, ground, ground);
  const translation = Cartesian3.fromElements(xM - turned.x, yM - turned.y, -turned.z, scratchTarget);
  return Matrix4.fromRotationTranslation(rotation, translation, result);
}
