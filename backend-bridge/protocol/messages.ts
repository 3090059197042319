/**
 * Every JSON message of the wire protocol, with its runtime checker.
 *
 * Naming: client → bridge messages are requests; bridge → client messages are
 * pushes or replies. Retired message names are never reused.
 */
import {
  type Checker,
  type Result,
  describe,
  literal,
  num,
  object,
  oneOf,
  optional,
  str,
  validate,
} from './check';
import { PROTOCOL_VERSION } from './version';

export const ROLES = ['viewer', 'operator', 'admin'] as const;
/** `viewer` is read-only; `operator` may act on alerts and signals; `admin` may also configure. */
export type Role = (typeof ROLES)[number];

/** Error codes of `error` replies; stable identifiers the UI translates. */
export const ERROR_CODES = [
  'malformed',
  'too-large',
  'unknown-type',
  'invalid',
  'not-ready',
  'already-greeted',
  'forbidden',
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
  resume: optional(object({ alerts: optional(num({ integer: true, min: 0 })) })),
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

const clientCheckers = {
  hello: helloChecker,
  ping: pingChecker,
} as const satisfies Record<string, Checker<{ type: string }>>;

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

const serverCheckers = {
  welcome: welcomeChecker,
  heartbeat: heartbeatChecker,
  pong: pongChecker,
  error: errorChecker,
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
