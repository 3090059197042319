/**
 * Live traffic on the wire.
 *
 * Link state travels as binary WebSocket frames: a typed-array bundle
 * (TRAFFIC_FRAME_SCHEMA) whose arrays are indexed like CityMeta.links. Values
 * are quantised to keep a frame of a few thousand links near 5 bytes a link.
 * District and city aggregates travel as a small JSON message, `traffic-summary`.
 */
import * as v from 'valibot';
import { text } from './fields';
import { type Bundle, decodeBundle, encodeBundle } from './typed-bundle';

/** Congestion levels by speed relative to free flow. */
export const CONGESTION_LEVELS = ['free', 'light', 'moderate', 'heavy', 'jammed'] as const;
export type CongestionLevel = (typeof CONGESTION_LEVELS)[number];

/**
 * Lower bounds of speed / free-flow speed for levels free … heavy; below the
 * last bound a link is jammed. Index i is the bound of CONGESTION_LEVELS[i].
 */
export const CONGESTION_SPEED_RATIO_BOUNDS = [0.75, 0.55, 0.35, 0.2] as const;

export function congestionLevel(speedKmh: number, freeSpeedKmh: number): number {
  const ratio = freeSpeedKmh > 0 ? speedKmh / freeSpeedKmh : 1;
  const index = CONGESTION_SPEED_RATIO_BOUNDS.findIndex((bound) => ratio >= bound);
  return index < 0 ? CONGESTION_SPEED_RATIO_BOUNDS.length : index;
}

/**
 * Spacing of the citywide history (`traffic-history` and the charts that
 * extend it with summaries), sim ms: summaries arrive about once a wall
 * second at any sim speed, so one point a sim minute keeps twelve sim hours
 * at 720 points. Two samples in the same step are one point.
 */
export const TRAFFIC_HISTORY_STEP_MS = 60_000;

/** The history step holding `simTimeMs` (steps since the epoch). */
export function trafficHistoryStep(simTimeMs: number): number {
  return Math.floor(simTimeMs / TRAFFIC_HISTORY_STEP_MS);
}

/** First element of the `header` section: what kind of binary frame this is. */
export const BinaryFrameKind = { traffic: 1 } as const;

/**
 * header: [kind, sequence number, sim time (ms since the Unix epoch), sim speed factor]
 * speedKmh: space-mean speed, km/h, rounded (0–255)
 * density: vehicles per km per lane, rounded, capped at 255
 * flowVehPerH: outflow of the link over the last interval, vehicles per hour, capped at 65535
 * level: index into CONGESTION_LEVELS
 */
export const TRAFFIC_FRAME_SCHEMA = {
  header: Float64Array,
  speedKmh: Uint8Array,
  density: Uint8Array,
  flowVehPerH: Uint16Array,
  level: Uint8Array,
} as const;
export type TrafficFrameArrays = Bundle<typeof TRAFFIC_FRAME_SCHEMA>;

export interface TrafficFrame {
  seq: number;
  simTimeMs: number;
  speedFactor: number;
  speedKmh: Uint8Array;
  densityVehPerKmLane: Uint8Array;
  flowVehPerH: Uint16Array;
  level: Uint8Array;
}

export function encodeTrafficFrame(frame: TrafficFrame): ArrayBuffer {
  return encodeBundle({
    header: new Float64Array([BinaryFrameKind.traffic, frame.seq, frame.simTimeMs, frame.speedFactor]),
    speedKmh: frame.speedKmh,
    density: frame.densityVehPerKmLane,
    flowVehPerH: frame.flowVehPerH,
    level: frame.level,
  });
}

/** Decodes a traffic frame and checks it holds one value per link. */
export function decodeTrafficFrame(buffer: ArrayBuffer, linkCount: number): TrafficFrame {
  const arrays = decodeBundle(buffer, TRAFFIC_FRAME_SCHEMA, 'traffic frame');
  const [kind, seq, simTimeMs, speedFactor] = arrays.header;
  if (arrays.header.length !== 4 || kind !== BinaryFrameKind.traffic) throw new Error('traffic frame: bad header');
  for (const name of ['speedKmh', 'density', 'flowVehPerH', 'level'] as const) {
    if (arrays[name].length !== linkCount) {
      throw new Error(`traffic frame: ${name} holds ${arrays[name].length} values for ${linkCount} links`);
    }
  }
  for (const level of arrays.level) {
    if (level >= CONGESTION_LEVELS.length) throw new Error(`traffic frame: congestion level ${level} is out of range`);
  }
  return {
    seq: seq!,
    simTimeMs: simTimeMs!,
    speedFactor: speedFactor!,
    speedKmh: arrays.speedKmh,
    densityVehPerKmLane: arrays.density,
    flowVehPerH: arrays.flowVehPerH,
    level: arrays.level,
  };
}

const areaFigures = {
  /** Distance-weighted mean speed, km/h. */
  avgSpeedKmh: v.pipe(v.number(), v.minValue(0), v.maxValue(300)),
  /** Travel time index: actual / free-flow travel time (1 = free flow). */
  travelTimeIndex: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  /** Vehicles on the area's links now. */
  vehicles: v.pipe(v.number(), v.minValue(0)),
};

export const districtTrafficSchema = v.strictObject({ districtId: text(64), ...areaFigures });
export type DistrictTraffic = v.InferOutput<typeof districtTrafficSchema>;

export const trafficSummaryFields = {
  simTimeMs: v.pipe(v.number(), v.minValue(0)),
  city: v.strictObject(areaFigures),
  districts: v.pipe(v.array(districtTrafficSchema), v.maxLength(1000)),
};
