/**
 * The recording file: newline-delimited JSON, one header line, then one line
 * per live event in the order the source produced them.
 *
 *   {"format":"citybrain-recording","version":1,"cityId":"linjiang","cityVersion":"3f2a…","linkCount":4210,"source":"simulator","startedAtMs":…}
 *   {"t":1717196400000,"k":"traffic","seq":1,"d":"<base64>"}
 *   {"t":1717196400000,"k":"area","e":{…}}
 *
 * `t` is the sim time the event belongs to (events without their own sim
 * time, such as health, carry the latest one seen), so a replay paces every
 * line by sim time. Link traffic is the bulk of a recording: it is kept at
 * the precision the wire carries (whole km/h, vehicles per km per lane and
 * vehicles per hour; see traffic-frames.ts), packed as a typed-array bundle,
 * deflated and base64-encoded — a replayed frame is byte for byte the frame
 * clients first received. Other payloads are JSON in `e`, or, when their
 * JSON is longer than DEFLATE_OVER_CHARS (a whole city's device readings),
 * deflated and base64-encoded in `z`. Every line is complete on its own, so a file cut
 * short by a crash is still a valid recording up to its last whole line.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import * as v from 'valibot';
import { DEVICE_STATUSES, ValidationError, decodeBundle, encodeBundle, parseAt, trafficSummaryFields } from '../../protocol';
import { count, epochMs, nonEmptyText, text } from '../../protocol/fields';
import { toTrafficFrame } from '../../traffic/traffic-frames';
import type { AreaTraffic, DeviceUpdate, LinkTraffic, SourceAlert, SourceClock, SourceHealth, SourceIncident } from '../live-source';

export const RECORDING_FORMAT = 'citybrain-recording';
/** Bumped whenever a line's meaning changes; a replay refuses other versions. */
export const RECORDING_FORMAT_VERSION = 1;

const id = nonEmptyText(64);

const headerSchema = v.strictObject({
  format: v.literal(RECORDING_FORMAT),
  version: v.literal(RECORDING_FORMAT_VERSION),
  /** `CityMeta.id` of the city recorded. */
  cityId: id,
  /** The city's content version (`encodeCityPayload`): link indices are only meaningful for it. */
  cityVersion: id,
  linkCount: count,
  /** Name of the source recorded, e.g. `simulator` or `mqtt`. */
  source: text(64),
  /** Wall time recording started, ms since the epoch. */
  startedAtMs: epochMs,
});
export type RecordingHeader = v.InferOutput<typeof headerSchema>;
export const checkRecordingHeader = (value: unknown, path: string): RecordingHeader => parseAt(headerSchema, value, path);

/** Link traffic as it is packed: the wire frame's quantised arrays. */
const TRAFFIC_SCHEMA = {
  speedKmh: Uint8Array,
  density: Uint8Array,
  flowVehPerH: Uint16Array,
  level: Uint8Array,
} as const;

export type RecordedEvent =
  | { kind: 'traffic'; simTimeMs: number; seq: number; traffic: LinkTraffic }
  | { kind: 'area'; simTimeMs: number; area: AreaTraffic }
  | { kind: 'clock'; simTimeMs: number; clock: SourceClock }
  | { kind: 'incidents'; simTimeMs: number; incidents: SourceIncident[] }
  | { kind: 'devices'; simTimeMs: number; devices: DeviceUpdate[] }
  | { kind: 'health'; simTimeMs: number; health: SourceHealth }
  | { kind: 'alert'; simTimeMs: number; alert: SourceAlert };
export type RecordedKind = RecordedEvent['kind'];

export const RECORDED_KINDS = ['traffic', 'area', 'clock', 'incidents', 'devices', 'health', 'alert'] as const satisfies readonly RecordedKind[];

/** What a line says about itself before its payload is decoded: enough to index and pace it. */
const lineHeadOf = (value: unknown, path: string): { t: number; k: RecordedKind; seq?: number } => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(path, 'expected a JSON object');
  const record = value as Record<string, unknown>;
  const t = parseAt(epochMs, record.t, `${path}.t`);
  const k = parseAt(v.picklist(RECORDED_KINDS), record.k, `${path}.k`);
  if (k !== 'traffic') return { t, k };
  return { t, k, seq: parseAt(v.pipe(v.number(), v.integer(), v.minValue(1)), record.seq, `${path}.seq`) };
};

/** Parses one line far enough to index it; throws ValidationError naming `path` when it is not a recorded event. */
export function readLineHead(text: string, path: string): { simTimeMs: number; kind: RecordedKind; seq?: number; json: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError(path, 'is not valid JSON');
  }
  const { t, k, seq } = lineHeadOf(json, path);
  return { simTimeMs: t, kind: k, ...(seq !== undefined && { seq }), json };
}

export function encodeHeaderLine(header: RecordingHeader): string {
  return `${JSON.stringify(header)}\n`;
}

export function encodeEventLine(event: RecordedEvent): string {
  const t = event.simTimeMs;
  switch (event.kind) {
    case 'traffic':
      return `${JSON.stringify({ t, k: 'traffic', seq: event.seq, d: packTraffic(event.traffic, event.seq) })}\n`;
    case 'area':
      return line(t, 'area', event.area);
    case 'clock':
      return line(t, 'clock', event.clock);
    case 'incidents':
      return line(t, 'incidents', event.incidents);
    case 'devices':
      return line(t, 'devices', event.devices);
    case 'health':
      return line(t, 'health', event.health);
    case 'alert':
      return line(t, 'alert', event.alert);
  }
}

/** Payloads whose JSON is longer than this many characters are stored deflated. */
const DEFLATE_OVER_CHARS = 2048;

function line(t: number, k: RecordedKind, e: unknown): string {
  const json = JSON.stringify(e);
  if (json.length <= DEFLATE_OVER_CHARS) return `{"t":${t},"k":"${k}","e":${json}}\n`;
  return `${JSON.stringify({ t, k, z: deflateRawSync(json).toString('base64') })}\n`;
}

const deflatedBase64 = v.pipe(v.string(), v.minLength(1), v.maxLength(64 * 1024 * 1024));

/** A line's payload: `e` as is, or `z` inflated and parsed. */
function payloadOf(record: Record<string, unknown>, path: string): unknown {
  if (record.z === undefined) return record.e;
  const base64 = parseAt(deflatedBase64, record.z, `${path}.z`);
  try {
    return JSON.parse(inflateRawSync(Buffer.from(base64, 'base64')).toString('utf8'));
  } catch {
    throw new ValidationError(`${path}.z`, 'is not deflated base64 JSON');
  }
}

function packTraffic(traffic: LinkTraffic, seq: number): string {
  const frame = toTrafficFrame(traffic, seq, 1);
  const bundle = encodeBundle({
    speedKmh: frame.speedKmh,
    density: frame.densityVehPerKmLane,
    flowVehPerH: frame.flowVehPerH,
    level: frame.level,
  });
  return deflateRawSync(new Uint8Array(bundle)).toString('base64');
}

function unpackTraffic(data: unknown, simTimeMs: number, linkCount: number, path: string): LinkTraffic {
  const base64 = parseAt(deflatedBase64, data, path);
  let bytes: Buffer;
  try {
    bytes = inflateRawSync(Buffer.from(base64, 'base64'));
  } catch {
    throw new ValidationError(path, 'is not deflated base64 data');
  }
  let bundle;
  try {
    bundle = decodeBundle(new Uint8Array(bytes).buffer, TRAFFIC_SCHEMA, path);
  } catch (error) {
    throw new ValidationError(path, (error as Error).message);
  }
  for (const [name, values] of Object.entries(bundle)) {
    if (values.length !== linkCount) throw new ValidationError(`${path}.${name}`, `expected ${linkCount} links, got ${values.length}`);
  }
  return {
    simTimeMs,
    speedKmh: Float32Array.from(bundle.speedKmh),
    densityVehPerKmLane: Float32Array.from(bundle.density),
    flowVehPerH: Float32Array.from(bundle.flowVehPerH),
    level: bundle.level,
  };
}

const areaSchema = v.strictObject(trafficSummaryFields);
const clockSchema = v.strictObject({
  simTimeMs: epochMs,
  speedFactor: v.pipe(v.number(), v.minValue(0)),
  achievedSpeedFactor: v.pipe(v.number(), v.minValue(0)),
  paused: v.boolean(),
});
const incidentSchema = v.strictObject({
  id,
  linkId: id,
  capacityFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  startSimTimeMs: epochMs,
  endSimTimeMs: epochMs,
});
const incidentsSchema = v.pipe(v.array(incidentSchema), v.maxLength(10_000));
const deviceSchema = v.strictObject({
  deviceId: id,
  status: v.picklist(DEVICE_STATUSES),
  lastSeenAtMs: epochMs,
  reading: v.optional(v.strictObject({ quantity: text(64), value: v.number(), unit: text(32), simTimeMs: epochMs })),
});
const devicesSchema = v.pipe(v.array(deviceSchema), v.maxLength(500_000));
const healthSchema = v.strictObject({
  state: v.picklist(['live', 'stale', 'down'] as const),
  lastMessageAtMs: v.nullable(epochMs),
  reconnects: count,
  rejected: v.pipe(v.array(v.strictObject({ channel: text(1024), count, lastReason: text(4096) })), v.maxLength(10_000)),
});
const capAlert = v.strictObject({ format: v.literal('cap'), xml: text(1024 * 1024), channel: text(1024) });
// The draft is checked by the alert service when it is raised, as it was when first received.
const jsonAlert = v.strictObject({ format: v.literal('json'), draft: v.unknown(), channel: text(1024) });
const alertSchema = v.variant('format', [capAlert, jsonAlert]);

/**
 * Decodes a line's payload; `head` is what `readLineHead` returned for it.
 * Throws ValidationError naming `path` and the field at fault.
 */
export function decodeEvent(head: ReturnType<typeof readLineHead>, linkCount: number, path: string): RecordedEvent {
  const { simTimeMs, kind } = head;
  const record = head.json as Record<string, unknown>;
  const e = kind === 'traffic' ? undefined : payloadOf(record, path);
  switch (kind) {
    case 'traffic':
      return { kind, simTimeMs, seq: head.seq!, traffic: unpackTraffic(record.d, simTimeMs, linkCount, `${path}.d`) };
    case 'area':
      return { kind, simTimeMs, area: parseAt(areaSchema, e, `${path}.e`) };
    case 'clock':
      return { kind, simTimeMs, clock: parseAt(clockSchema, e, `${path}.e`) };
    case 'incidents':
      return { kind, simTimeMs, incidents: parseAt(incidentsSchema, e, `${path}.e`) };
    case 'devices':
      return { kind, simTimeMs, devices: parseAt(devicesSchema, e, `${path}.e`) };
    case 'health':
      return { kind, simTimeMs, health: parseAt(healthSchema, e, `${path}.e`) };
    case 'alert':
      return { kind, simTimeMs, alert: parseAt(alertSchema, e, `${path}.e`) };
  }
}
