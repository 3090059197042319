/**
 * Every JSON message of the wire protocol, with its runtime checker.
 *
 * Naming: client → bridge messages are requests; bridge → client messages are
 * pushes or replies. Retired message names are never reused.
 */
import {
  type Checker,
  type Result,
  arrayOf,
  bool,
  describe,
  literal,
  num,
  object,
  oneOf,
  optional,
  str,
  validate,
} from './check';
import { DRILL_QUERY_TYPES, drillClientCheckers, drillServerCheckers } from './drill-messages';
import { ROLES } from './roles';
import { SIGNAL_COMMAND_TYPES, SIGNAL_QUERY_TYPES, signalClientCheckers, signalServerCheckers } from './signal-messages';
import { SOURCE_COMMAND_TYPES, sourceClientCheckers, sourceServerCheckers } from './source-messages';
import { WALL_COMMAND_TYPES, WALL_QUERY_TYPES, wallClientCheckers, wallServerCheckers } from './wall-messages';
import { alertActionChecker, alertEventChecker, alertResumeFields, alertSnapshotChecker } from './alerts';
import { trafficSummaryFields } from './traffic';
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

const requestId = str({ minLength: 1, maxLength: 64 });
const token = str({ maxLength: 256 });
const epochMs = num({ min: 0 });

// ---------------------------------------------------------------- client → bridge

const helloChecker = object({
  type: literal('hello'),
  /** Protocol version the client speaks; must equal the bridge's. */
  protocol: num({ integer: true, min: 0 }),
  /** Session token from the URL or config; absent means viewer. */
  token: optional(token),
  /** Last sequence number seen per stream, so the bridge can resend what was missed. */
  resume: optional(object(alertResumeFields)),
  /** Free-form client identification for the bridge's log, e.g. `console/0.1.0`. */
  client: optional(str({ maxLength: 64 })),
});
export type HelloMessage = ReturnType<typeof helloChecker>;

const pingChecker = object({
  type: literal('ping'),
  id: requestId,
  /** Client clock at send time, in ms since the epoch; echoed back for round-trip time. */
  clientTime: epochMs,
});
export type PingMessage = ReturnType<typeof pingChecker>;

/** Sim speeds the UI offers; the bridge accepts any factor in range. */
export const SIM_SPEED_FACTOR_RANGE = { min: 1, max: 60 } as const;

const setSimClockChecker = object({
  type: literal('set-sim-clock'),
  id: requestId,
  /** Sim seconds per wall second, 1–60. */
  speedFactor: optional(num(SIM_SPEED_FACTOR_RANGE)),
  paused: optional(bool),
});
/** Operator command: change the simulation's speed or pause it (demo source only). */
export type SetSimClockMessage = ReturnType<typeof setSimClockChecker>;

const createIncidentChecker = object({
  type: literal('create-incident'),
  id: requestId,
  linkId: str({ minLength: 1, maxLength: 64 }),
  /** Share of the link's capacity left at the incident, 0–0.9. */
  capacityFactor: num({ min: 0, max: 0.9 }),
  /** How long it lasts, sim seconds, 60 s to 4 h. */
  durationS: num({ min: 60, max: 4 * 3600 }),
});
/** Operator command: stage an incident on a link (demo source only), e.g. for a training drill. */
export type CreateIncidentMessage = ReturnType<typeof createIncidentChecker>;

const clientCheckers = {
  hello: helloChecker,
  ping: pingChecker,
  'set-sim-clock': setSimClockChecker,
  'create-incident': createIncidentChecker,
  'alert-action': alertActionChecker,
  ...drillClientCheckers,
  ...signalClientCheckers,
  ...wallClientCheckers,
  ...sourceClientCheckers,
} as const satisfies Record<string, Checker<{ type: string }>>;

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
] as const satisfies readonly ClientMessageType[];

/**
 * Client requests that only read: any role may send them; each gets exactly
 * one reply (its data, or `ack`, or `error`), and they are not audited.
 */
export const QUERY_TYPES = [...DRILL_QUERY_TYPES, ...SIGNAL_QUERY_TYPES, ...WALL_QUERY_TYPES] as const satisfies readonly ClientMessageType[];

export type CommandType = (typeof COMMAND_TYPES)[number];
export type QueryType = (typeof QUERY_TYPES)[number];

export type ClientMessageType = keyof typeof clientCheckers;
export type ClientMessage = ReturnType<(typeof clientCheckers)[ClientMessageType]>;

// ---------------------------------------------------------------- bridge → client

const localizedName = object({ zh: str({ maxLength: 128 }), en: str({ maxLength: 128 }) });

const welcomeChecker = object({
  type: literal('welcome'),
  protocol: literal(PROTOCOL_VERSION),
  role: oneOf(ROLES),
  /** Identifies the city model so a client refetches static data when it changes. */
  city: object({ id: str(), name: localizedName, version: str() }),
  /** Name of the data source feeding the bridge, e.g. `simulator`. */
  source: str({ maxLength: 64 }),
  serverTime: epochMs,
  /** The bridge sends a heartbeat at least this often, in ms. */
  heartbeatIntervalMs: num({ integer: true, min: 100 }),
  sessionId: str({ maxLength: 64 }),
});
export type WelcomeMessage = ReturnType<typeof welcomeChecker>;

const heartbeatChecker = object({
  type: literal('heartbeat'),
  serverTime: epochMs,
  /** Number of clients connected to this bridge, for the status bar. */
  clients: num({ integer: true, min: 0 }),
});
export type HeartbeatMessage = ReturnType<typeof heartbeatChecker>;

const pongChecker = object({
  type: literal('pong'),
  id: requestId,
  clientTime: epochMs,
  serverTime: epochMs,
});
export type PongMessage = ReturnType<typeof pongChecker>;

const errorChecker = object({
  type: literal('error'),
  code: oneOf(ERROR_CODES),
  /** Human-readable reason naming what was wrong, in English. */
  message: str({ maxLength: 2048 }),
  /** Set when the error answers a request that carried an id. */
  requestId: optional(requestId),
});
export type ErrorMessage = ReturnType<typeof errorChecker>;

const ackChecker = object({
  type: literal('ack'),
  /** The id of the command that was accepted. */
  requestId,
});
/** The success reply to a command; its failure reply is `error` with the same requestId. */
export type AckMessage = ReturnType<typeof ackChecker>;

const simClockChecker = object({
  type: literal('sim-clock'),
  simTimeMs: epochMs,
  /** Speed asked for, sim seconds per wall second. */
  speedFactor: num({ min: 0, max: 1000 }),
  /** Speed achieved lately; below speedFactor when the machine cannot keep up, 0 while paused. */
  achievedSpeedFactor: num({ min: 0, max: 100_000 }),
  paused: bool,
});
export type SimClockMessage = ReturnType<typeof simClockChecker>;

const trafficSummaryChecker = object({ type: literal('traffic-summary'), ...trafficSummaryFields });
/** City and district traffic figures, about once a second. */
export type TrafficSummaryMessage = ReturnType<typeof trafficSummaryChecker>;

const trafficHistoryChecker = object({
  type: literal('traffic-history'),
  /** Citywide figures at regular sim-time steps, oldest first. */
  points: arrayOf(
    object({ simTimeMs: epochMs, travelTimeIndex: num({ min: 0, max: 100 }), avgSpeedKmh: num({ min: 0, max: 300 }) }),
    { maxLength: 5000 },
  ),
});
/** Sent on connect so charts have the last hours at once; later points come from summaries. */
export type TrafficHistoryMessage = ReturnType<typeof trafficHistoryChecker>;

const incidentsChecker = object({
  type: literal('incidents'),
  items: arrayOf(
    object({
      id: str({ maxLength: 64 }),
      linkId: str({ maxLength: 64 }),
      capacityFactor: num({ min: 0, max: 1 }),
      startSimTimeMs: epochMs,
      endSimTimeMs: epochMs,
    }),
    { maxLength: 10_000 },
  ),
});
/** The traffic incidents active now; sent on connect and whenever the list changes. */
export type IncidentsMessage = ReturnType<typeof incidentsChecker>;

const streamStatusChecker = object({
  type: literal('stream-status'),
  /** Traffic frames not sent to this client since it connected, because its link could not keep up. */
  droppedTrafficFrames: num({ integer: true, min: 0 }),
});
export type StreamStatusMessage = ReturnType<typeof streamStatusChecker>;

const serverCheckers = {
  welcome: welcomeChecker,
  heartbeat: heartbeatChecker,
  pong: pongChecker,
  error: errorChecker,
  ack: ackChecker,
  'sim-clock': simClockChecker,
  'traffic-summary': trafficSummaryChecker,
  'traffic-history': trafficHistoryChecker,
  incidents: incidentsChecker,
  'stream-status': streamStatusChecker,
  'alert-event': alertEventChecker,
  'alert-snapshot': alertSnapshotChecker,
  ...drillServerCheckers,
  ...signalServerCheckers,
  ...wallServerCheckers,
  ...sourceServerCheckers,
} as const satisfies Record<string, Checker<{ type: string }>>;

export type ServerMessageType = keyof typeof serverCheckers;
export type ServerMessage = ReturnType<(typeof serverCheckers)[ServerMessageType]>;

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
  checkers: Record<string, Checker<T>>,
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
  const checker = Object.hasOwn(checkers, type) ? checkers[type] : undefined;
  if (!checker) {
    return {
      ok: false,
      code: 'unknown-type',
      error: `unknown message type ${describe(type)}; expected one of ${Object.keys(checkers).join(', ')}`,
      ...(id && { requestId: id }),
    };
  }
  const result: Result<T> = validate(checker, data, type);
  if (!result.ok) return { ok: false, code: 'invalid', error: result.error, ...(id && { requestId: id }) };
  return result;
}

/** Parses and validates one text frame from a client. */
export function parseClientMessage(text: string): ParseResult<ClientMessage> {
  return parseWith<ClientMessage>(clientCheckers, text, 'client');
}

/** Parses and validates one text frame from the bridge. */
export function parseServerMessage(text: string): ParseResult<ServerMessage> {
  return parseWith<ServerMessage>(serverCheckers, text, 'server');
}
