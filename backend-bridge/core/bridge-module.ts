/**
 * A feature of the bridge (traffic state, alerts, drill-down, signal
 * control, the video wall, source health…): the live events it follows, the
 * client requests it answers, and what it adds to the health endpoint. The
 * bridge builds each module once at start and routes to it; a module never
 * touches a socket, only the sessions and clients it is handed.
 */
import type { CityModel } from '../city/city-model';
import type { ClientMessage, CommandRole, CommandType, QueryType, ServerMessage } from '../protocol';
import type { AuditEntry, AuditLog } from '../store/audit-log';
import type { BridgeDatabase } from '../store/database';
import type { LiveListener, LiveSource } from '../sources/live-source';
import type { BridgeOptions } from './bridge-options';
import type { HttpRoute } from './http-route';
import type { Logger } from './log';
import type { Clients, Session } from './session';

/** What every module is built with. */
export interface BridgeModuleContext {
  options: BridgeOptions;
  city: CityModel;
  source: LiveSource;
  /** The connected clients, for pushes. */
  clients: Clients;
  /** The bridge's SQLite database (migrated, opened once by the bridge), for what must not be lost. */
  db: BridgeDatabase;
  /** The audit log of commands, in the same database. */
  audit: AuditLog;
  log: Logger;
}

/** Who sent a command: a session whose role may command. */
export interface Caller {
  role: CommandRole;
  /** The session's label for logs and history, e.g. `console/0.1.0@1a2b3c4d`. */
  label: string;
}

/**
 * Carries out one command of an operator or admin. Throw a RequestError (or a
 * ValidationError, answered as `invalid`) to refuse it. `audit` is the
 * command's audit entry as accepted (outcome `ok`): a handler that writes it
 * itself together with its change, in one transaction (adding a `detail`),
 * returns 'audited'; otherwise the bridge records it after the handler returns.
 */
export type CommandHandler<T extends CommandType = CommandType> = (
  command: Extract<ClientMessage, { type: T }>,
  caller: Caller,
  audit: AuditEntry,
) => void | 'audited' | Promise<void | 'audited'>;

/**
 * Answers one read-only request of any role. Returns the reply (which should
 * carry `requestId`), or nothing for a plain `ack`. Throw a RequestError to
 * answer with an error.
 */
export type QueryHandler<T extends QueryType = QueryType> = (
  query: Extract<ClientMessage, { type: T }>,
  session: Session,
) => ServerMessage | void | Promise<ServerMessage | void>;

export interface BridgeModule {
  readonly name: string;
  /** Live events the module follows, delivered in the order the bridge lists its modules. */
  events?: LiveListener;
  /** A client completed the handshake; modules are told in the order the bridge lists them. */
  onClientReady?(session: Session): void;
  onClientClosed?(session: Session): void;
  commands?: { [T in CommandType]?: CommandHandler<T> };
  /**
   * Whether refused commands of this module are written to the audit log
   * too. Signal control keeps the log to accepted changes only. @default true
   */
  auditRefusals?: boolean;
  queries?: { [T in QueryType]?: QueryHandler<T> };
  /** HTTP endpoints the module serves (e.g. `POST /api/alerts/cap`). */
  routes?: HttpRoute[];
  /** Figures for `/api/health`, under the module's name. */
  health?(): Record<string, unknown>;
  close?(): void | Promise<void>;
}
