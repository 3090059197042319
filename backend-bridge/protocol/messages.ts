/**
 * Every JSON message of the wire protocol, with its schema.
 *
 * Naming: client → bridge messages are requests; bridge → client messages are
 * pushes or replies. Retired message names are never reused.
 */
import * as v from 'valibot';
import { DEVICE_COMMAND_TYPES, DEVICE_QUERY_TYPES, deviceClientSchemas, deviceServerSchemas } from './device-messages';
import { DRILL_QUERY_TYPES, drillClientSchemas, drillServerSchemas } from './drill-messages';
import { ROLES } from './roles';
import { SIGNAL_COMMAND_TYPES, SIGNAL_QUERY_TYPES, signalClientSchemas, signalServerSchemas } from './signal-messages';
import { SOURCE_COMMAND_TYPES, sourceClientSchemas, sourceServerSchemas } from './source-messages';
import { WALL_COMMAND_TYPES, WALL_QUERY_TYPES, wallClientSchemas, wallServerSchemas } from './wall-messages';
import { alertActionSchema, alertEventSchema, alertResumeFields, alertSnapshotSchema } from './alerts';
import { count, epochMs, localized, nonEmptyText, requestId, text } from './fields';
import { trafficSummaryFields } from './traffic';
import { type Schema, describe, validate } from './validation';
import { PROTOCOL_VERSION } from './version';

export { ROLES, type Role } from './roles';

/** Error codes of `error` replies; stable identifiers the UI translates. */
export const ERROR_CODES = [
  'malformed',
  'too-large',
  'unknown-type',
  'invalid',
  'not-ready',
  'already-greeted',
  'forbidden',
  'not-found',
  'rejected',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const token = text(256);

// ---------------------------------------------------------------- client → bridge

const helloSchema = v.strictObject({
  type: v.literal('hello'),
  /** Protocol version the client speaks; must equal the bridge's. */
  protocol: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Session token from the URL or config; absent means viewer. */
  token: v.optional(token),
  /** Last sequence number seen per stream, so the bridge can resend what was missed. */
  resume: v.optional(v.strictObject(alertResumeFields)),
  /** Free-form client identification for the bridge's log, e.g. `console/0.1.0`. */
  client: v.optional(text(64)),
});
export type HelloMessage = v.InferOutput<typeof helloSchema>;

const pingSchema = v.strictObject({
  type: v.literal('ping'),
  id: requestId,
  /** Client clock at send time, in ms since the epoch; echoed back for round-trip time. */
  clientTime: epochMs,
});
export type PingMessage = v.InferOutput<typeof pingSchema>;

/** Sim speeds the UI offers; the bridge accepts any factor in range. */
export const SIM_SPEED_FACTOR_RANGE = { min: 1, max: 60 } as const;

const setSimClockSchema = v.strictObject({
  type: v.literal('set-sim-clock'),
  id: requestId,
  /** Sim seconds per wall second, 1–60. */
  speedFactor: v.optional(v.pipe(v.number(), v.minValue(SIM_SPEED_FACTOR_RANGE.min), v.maxValue(SIM_SPEED_FACTOR_RANGE.max))),
  paused: v.optional(v.boolean()),
});
/** Operator command: change the simulation's speed or pause it (demo source only). */
export type SetSimClockMessage = v.InferOutput<typeof setSimClockSchema>;

const createIncidentSchema = v.strictObject({
  type: v.literal('create-incident'),
  id: requestId,
  linkId: nonEmptyText(64),
  /** Share of the link's capacity left at the incident, 0–0.9. */
  capacityFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(0.9)),
  /** How long it lasts, sim seconds, 60 s to 4 h. */
  durationS: v.pipe(v.number(), v.minValue(60), v.maxValue(4 * 3600)),
});
/** Operator command: stage an incident on a link (demo source only), e.g. for a training drill. */
export type CreateIncidentMessage = v.InferOutput<typeof createIncidentSchema>;

const clientSchemas = {
  hello: helloSchema,
  ping: pingSchema,
  'set-sim-clock': setSimClockSchema,
  'create-incident': createIncidentSchema,
  'alert-action': alertActionSchema,
  ...drillClientSchemas,
  ...signalClientSchemas,
  ...wallClientSchemas,
  ...sourceClientSchemas,
  ...deviceClientSchemas,
} as const satisfies Record<string, Schema<{ type: string }>>;

/**
 * Client messages that change state: they need the operator or admin role,
 * get exactly one reply, and are written to the bridge's audit log.
 */
export const COMMAND_TYPES = [
  'set-sim-clock',
  'create-incident',
  'alert-action',
  ...SIGNAL_COMMAND_TYPES,
  ...WALL_COMMAND_TYPES,
  ...SOURCE_COMMAND_TYPES,
  ...DEVICE_COMMAND_TYPES,
] as const satisfies readonly ClientMessageType[];

/**
 * Client requests that only read: any role may send them; each gets exactly
 * one reply (its data, or `ack`, or `error`), and they are not audited.
 */
export const QUERY_TYPES = [...DRILL_QUERY_TYPES, ...SIGNAL_QUERY_TYPES, ...WALL_QUERY_TYPES, ...DEVICE_QUERY_TYPES] as const satisfies readonly ClientMessageType[];

export type CommandType = (typeof COMMAND_TYPES)[number];
export type QueryType = (typeof QUERY_TYPES)[number];

export type ClientMessageType = keyof typeof clientSchemas;
export type ClientMessage = v.InferOutput<(typeof clientSchemas)[ClientMessageType]>;

// ---------------------------------------------------------------- bridge → client

const welcomeSchema = v.strictObject({
  type: v.literal('welcome'),
  protocol: v.literal(PROTOCOL_VERSION),
  role: v.picklist(ROLES),
  /** Identifies the city model so a client refetches static data when it changes. */
  city: v.strictObject({ id: text(1024), name: localized(128), version: text(1024) }),
  /** Name of the data source feeding the bridge, e.g. `simulator`. */
  source: text(64),
  serverTime: epochMs,
  /** The bridge sends a heartbeat at least this often, in ms. */
  heartbeatIntervalMs: v.pipe(v.number(), v.integer(), v.minValue(100)),
  sessionId: text(64),
});
export type WelcomeMessage = v.InferOutput<typeof welcomeSchema>;

const heartbeatSchema = v.strictObject({
  type: v.literal('heartbeat'),
  serverTime: epochMs,
  /** Number of clients connected to this bridge, for the status bar. */
  clients: count,
});
export type HeartbeatMessage = v.InferOutput<typeof heartbeatSchema>;

const pongSchema = v.strictObject({
  type: v.literal('pong'),
  id: requestId,
  clientTime: epochMs,
  serverTime: epochMs,
});
export type PongMessage = v.InferOutput<typeof pongSchema>;

const errorSchema = v.strictObject({
  type: v.literal('error'),
  code: v.picklist(ERROR_CODES),
  /** Human-readable reason naming what was wrong, in English. */
  message: text(2048),
  /** Set when the error answers a request that carried an id. */
  requestId: v.optional(requestId),
});
export type ErrorMessage = v.InferOutput<typeof errorSchema>;

const ackSchema = v.strictObject({
  type: v.literal('ack'),
  /** The id of the command that was accepted. */
  requestId,
});
/** The success reply to a command; its failure reply is `error` with the same requestId. */
export type AckMessage = v.InferOutput<typeof ackSchema>;

const simClockSchema = v.strictObject({
  type: v.literal('sim-clock'),
  simTimeMs: epochMs,
  /** Speed asked for, sim seconds per wall second. */
  speedFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(1000)),
  /** Speed achieved lately; below speedFactor when the machine cannot keep up, 0 while paused. */
  achievedSpeedFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(100_000)),
  paused: v.boolean(),
});
export type SimClockMessage = v.InferOutput<typeof simClockSchema>;

const trafficSummarySchema = v.strictObject({ type: v.literal('traffic-summary'), ...trafficSummaryFields });
/** City and district traffic figures, about once a second. */
export type TrafficSummaryMessage = v.InferOutput<typeof trafficSummarySchema>;

const trafficHistorySchema = v.strictObject({
  type: v.literal('traffic-history'),
  /** Citywide figures at regular sim-time steps, oldest first. */
  points: v.pipe(
    v.array(
      v.strictObject({
        simTimeMs: epochMs,
        travelTimeIndex: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
        avgSpeedKmh: v.pipe(v.number(), v.minValue(0), v.maxValue(300)),
      }),
    ),
    v.maxLength(5000),
  ),
});
/** Sent on connect so charts have the last hours at once; later points come from summaries. */
export type TrafficHistoryMessage = v.InferOutput<typeof trafficHistorySchema>;

const incidentsSchema = v.strictObject({
  type: v.literal('incidents'),
  items: v.pipe(
    v.array(
      v.strictObject({
        id: text(64),
        linkId: text(64),
        capacityFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
        startSimTimeMs: epochMs,
        endSimTimeMs: epochMs,
      }),
    ),
    v.maxLength(10_000),
  ),
});
/** The traffic incidents active now; sent on connect and whenever the list changes. */
export type IncidentsMessage = v.InferOutput<typeof incidentsSchema>;

const streamStatusSchema = v.strictObject({
  type: v.literal('stream-status'),
  /** Traffic frames not sent to this client since it connected, because its link could not keep up. */
  droppedTrafficFrames: count,
});
export type StreamStatusMessage = v.InferOutput<typeof streamStatusSchema>;

const serverSchemas = {
  welcome: welcomeSchema,
  heartbeat: heartbeatSchema,
  pong: pongSchema,
  error: errorSchema,
  ack: ackSchema,
  'sim-clock': simClockSchema,
  'traffic-summary': trafficSummarySchema,
  'traffic-history': trafficHistorySchema,
  incidents: incidentsSchema,
  'stream-status': streamStatusSchema,
  'alert-event': alertEventSchema,
  'alert-snapshot': alertSnapshotSchema,
  ...drillServerSchemas,
  ...signalServerSchemas,
  ...wallServerSchemas,
  ...sourceServerSchemas,
  ...deviceServerSchemas,
} as const satisfies Record<string, Schema<{ type: string }>>;

export type ServerMessageType = keyof typeof serverSchemas;
export type ServerMessage = v.InferOutput<(typeof serverSchemas)[ServerMessageType]>;

// ---------------------------------------------------------------- parsing

export interface ParseFailure {
  ok: false;
  code: ErrorCode;
  error: string;
  /** The request id, when one could be read from the bad message. */
  requestId?: string;
}
export type ParseResult<T> = { ok: true; value: T } | ParseFailure;

function parseWith<T>(
  schemas: Record<string, Schema<T>>,
  text: string,
  direction: string,
): ParseResult<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, code: 'malformed', error: `${direction} message is not valid JSON` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, code: 'malformed', error: `${direction} message must be a JSON object, got ${describe(data)}` };
  }
  const record = data as Record<string, unknown>;
  const id = typeof record.id === 'string' && record.id.length <= 64 ? record.id : undefined;
  const type = record.type;
  if (typeof type !== 'string') {
    return { ok: false, code: 'invalid', error: 'message.type: expected a string', ...(id && { requestId: id }) };
  }
  const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (!schema) {
    return {
      ok: false,
      code: 'unknown-type',
      error: `unknown message type ${describe(type)}; expected one of ${Object.keys(schemas).join(', ')}`,
      ...(id && { requestId: id }),
    };
  }
  const result = validate(schema, data, type);
  if (!result.ok) return { ok: false, code: 'invalid', error: result.error, ...(id && { requestId: id }) };
  return result;
}

/** Parses and validates one text frame from a client. */
export function parseClientMessage(text: string): ParseResult<ClientMessage> {
  return parseWith<ClientMessage>(clientSchemas, text, 'client');
}

/** Parses and validates one text frame from the bridge. */
export function parseServerMessage(text: string): ParseResult<ServerMessage> {
  return parseWith<ServerMessage>(serverSchemas, text, 'server');
}
