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
import {
  type Checker,
  DEVICE_STATUSES,
  ValidationError,
  arrayOf,
  bool,
  decodeBundle,
  encodeBundle,
  literal,
  num,
  object,
  oneOf,
  optional,
  str,
  trafficSummaryFields,
} from '../../protocol';
import { toTrafficFrame } from '../../traffic/traffic-frames';
import type { AreaTraffic, DeviceUpdate, LinkTraffic, SourceAlert, SourceClock, SourceHealth, SourceIncident } from '../live-source';

export const RECORDING_FORMAT = 'citybrain-recording';
/** Bumped whenever a line's meaning changes; a replay refuses other versions. */
export const RECORDING_FORMAT_VERSION = 1;

const id = str({ minLength: 1, maxLength: 64 });
const epochMs = num({ min: 0 });

const headerChecker = object({
  format: literal(RECORDING_FORMAT),
  version: literal(RECORDING_FORMAT_VERSION),
  /** `CityMeta.id` of the city recorded. */
  cityId: id,
  /** The city's content version (`encodeCityPayload`): link indices are only meaningful for it. */
  cityVersion: id,
  linkCount: num({ integer: true, min: 0 }),
  /** Name of the source recorded, e.g. `simulator` or `mqtt`. */
  source: str({ maxLength: 64 }),
  /** Wall time recording started, ms since the epoch. */
  startedAtMs: epochMs,
});
export type RecordingHeader = ReturnType<typeof headerChecker>;
export const checkRecordingHeader: Checker<RecordingHeader> = headerChecker;

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
const lineHeadChecker = (value: unknown, path: string): { t: number; k: RecordedKind; seq?: number } => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(path, 'expected a JSON object');
  const record = value as Record<string, unknown>;
  const t = epochMs(record.t, `${path}.t`);
  const k = oneOf(RECORDED_KINDS)(record.k, `${path}.k`);
  if (k !== 'traffic') return { t, k };
  return { t, k, seq: num({ integer: true, min: 1 })(record.seq, `${path}.seq`) };
};

/** Parses one line far enough to index it; throws ValidationError naming `path` when it is not a recorded event. */
export function readLineHead(text: string, path: string): { simTimeMs: number; kind: RecordedKind; seq?: number; json: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError(path, 'is not valid JSON');
  }
  const { t, k, seq } = lineHeadChecker(json, path);
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

/** A line's payload: `e` as is, or `z` inflated and parsed. */
function payloadOf(record: Record<string, unknown>, path: string): unknown {
  if (record.z === undefined) return record.e;
  const base64 = str({ minLength: 1, maxLength: 64 * 1024 * 1024 })(record.z, `${path}.z`);
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
  const base64 = str({ minLength: 1, maxLength: 64 * 1024 * 1024 })(data, path);
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

const clockChecker = object({ simTimeMs: epochMs, speedFactor: num({ min: 0 }), achievedSpeedFactor: num({ min: 0 }), paused: bool });
const incidentChecker = object({
  id,
  linkId: id,
  capacityFactor: num({ min: 0, max: 1 }),
  startSimTimeMs: epochMs,
  endSimTimeMs: epochMs,
});
const deviceChecker = object({
  deviceId: id,
  status: oneOf(DEVICE_STATUSES),
  lastSeenAtMs: epochMs,
  reading: optional(object({ quantity: str({ maxLength: 64 }), value: num(), unit: str({ maxLength: 32 }), simTimeMs: epochMs })),
});
const healthChecker = object({
  state: oneOf(['live', 'stale', 'down'] as const),
  lastMessageAtMs: (value: unknown, path: string) => (value === null ? null : epochMs(value, path)),
  reconnects: num({ integer: true, min: 0 }),
  rejected: arrayOf(object({ channel: str(), count: num({ integer: true, min: 0 }), lastReason: str({ maxLength: 4096 }) })),
});
const capAlert = object({ format: literal('cap'), xml: str({ maxLength: 1024 * 1024 }), channel: str() });
// The draft is checked by the alert service when it is raised, as it was when first received.
const jsonAlert = object({ format: literal('json'), draft: (draft: unknown) => draft, channel: str() });
const alertChecker = (value: unknown, path: string): SourceAlert => {
  const format = oneOf(['cap', 'json'] as const)((value as { format?: unknown } | null)?.format, `${path}.format`);
  return format === 'cap' ? capAlert(value, path) : jsonAlert(value, path);
};

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
      return { kind, simTimeMs, area: object(trafficSummaryFields)(e, `${path}.e`) };
    case 'clock':
      return { kind, simTimeMs, clock: clockChecker(e, `${path}.e`) };
    case 'incidents':
      return { kind, simTimeMs, incidents: arrayOf(incidentChecker)(e, `${path}.e`) };
    case 'devices':
      return { kind, simTimeMs, devices: arrayOf(deviceChecker, { maxLength: 500_000 })(e, `${path}.e`) };
    case 'health':
      return { kind, simTimeMs, health: healthChecker(e, `${path}.e`) };
    case 'alert':
      return { kind, simTimeMs, alert: alertChecker(e, `${path}.e`) };
  }
}
