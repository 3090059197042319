/**
 * The two kinds of client request and how each ends: commands change state
 * (operator and admin only, audited), queries only read (any role).
 */
import { COMMAND_TYPES, type ClientMessage, type ErrorCode, QUERY_TYPES, type ServerMessage } from '../protocol';

/** The client messages that change state. */
export type CommandMessage = Extract<ClientMessage, { type: (typeof COMMAND_TYPES)[number] }>;

/** The client requests that only read. */
export type QueryMessage = Extract<ClientMessage, { type: (typeof QUERY_TYPES)[number] }>;

export const isCommand = (message: ClientMessage): message is CommandMessage => (COMMAND_TYPES as readonly string[]).includes(message.type);

export const isQuery = (message: ClientMessage): message is QueryMessage => (QUERY_TYPES as readonly string[]).includes(message.type);

/** How a command ended: accepted, or refused with the error code and reason the client gets. */
export type CommandOutcome = { ok: true } | { ok: false; code: ErrorCode; message: string };

/** How a query ended: its reply (`ack` when none), or refused. */
export type QueryOutcome = { ok: true; reply?: ServerMessage } | { ok: false; code: ErrorCode; message: string };
