/**
 * A feature of the bridge beyond the core streams (drill-down detail, signal
 * control, the video wall, source health): what it listens to, the client
 * requests it answers, and what it adds to the health endpoint. The bridge
 * builds each module once at start and routes to it; a module never touches
 * sockets except through the sessions it is handed.
 */
import type { CityModel } from '../city/city-model';
import type { AlertService } from '../alerts/alert-service';
import type { ClientMessage, CommandType, QueryType, Role, ServerMessage } from '../protocol';
import type { AlertStore } from '../store/alert-store';
import type { AuditEntry } from '../store/audit-log';
import type { BridgeDatabase } from '../store/database';
import type { LiveSink, LiveSource } from '../sources/live-source';
import type { BridgeOptions } from './bridge-options';
import type { ClientSession } from '../server/client-session';
import type { Logger } from './log';
import type { WsHub } from '../server/ws-hub';

/** What every module is built with. */
export interface BridgeModuleContext {
  options: BridgeOptions;
  city: CityModel;
  source: LiveSource;
  hub: WsHub;
  /** The bridge's SQLite database (migrated), for what must not be lost. */
  db: BridgeDatabase;
  /** Alerts: open alerts, raising, and the audit log (`store.recordAudit`). */
  alerts: AlertService;
  store: AlertStore;
  log: Logger;
}

/** Who sent a request. */
export interface Caller {
  role: Role;
  /** The session's label for logs and history, e.g. `console/0.1.0@1a2b3c4d`. */
  label: string;
}

/**
 * Carries out one command of an operator or admin. Throw a RequestError (or a
 * ValidationError, answered as `invalid`) to refuse it. `audit(outcome)`
 * builds the entry for the audit log: a handler that writes it itself
 * together with its change, in one transaction, returns 'audited'; otherwise
 * the bridge records the accepted command after the handler returns.
 */
export type CommandHandler<T extends CommandType = CommandType> = (
  command: Extract<ClientMessage, { type: T }>,
  caller: Caller,
  audit: (outcome: AuditEntry['outcome'], detail?: string) => AuditEntry,
) => void | 'audited' | Promise<void | 'audited'>;

/**
 * Answers one read-only request of any role. Returns the reply (which should
 * carry `requestId`), or nothing for a plain `ack`. Throw a RequestError to
 * answer with an error.
 */
export type QueryHandler<T extends QueryType = QueryType> = (
  query: Extract<ClientMessage, { type: T }>,
  session: ClientSession,
) => ServerMessage | void | Promise<ServerMessage | void>;

export interface BridgeModule {
  readonly name: string;
  /** Live events the module follows; called after the core state has taken them. */
  sink?: Partial<LiveSink>;
  /** A client completed the handshake (after the core snapshot was sent). */
  onClientReady?(session: ClientSession): void;
  onClientClosed?(session: ClientSession): void;
  commands?: { [T in CommandType]?: CommandHandler<T> };
  /**
   * Whether refused commands of this module are written to the audit log
   * too. Signal control keeps the log to accepted changes only. @default true
   */
  auditRefusals?: boolean;
  queries?: { [T in QueryType]?: QueryHandler<T> };
  /** Figures for `/api/health`, under the module's name. */
  health?(): Record<string, unknown>;
  close?(): void | Promise<void>;
}
