/**
 * Keeps one WebSocket to the bridge alive: the hello/welcome handshake,
 * liveness from heartbeats, round-trip time from pings, and reconnects with
 * backoff. Hands validated pushes and binary frames to its listeners, and
 * pairs each command it sends with its one reply. Plain TypeScript with no
 * Vue in it; the connection store adapts it.
 *
 * Every change is published as a new frozen `BridgeStatus` snapshot, so a
 * subscriber can compare snapshots by identity.
 */
import {
  type COMMAND_TYPES,
  type ClientMessage,
  CloseCode,
  type HelloMessage,
  PROTOCOL_VERSION,
  type PingMessage,
  type QUERY_TYPES,
  SUBPROTOCOL,
  type ServerMessage,
  type ServerMessageType,
  parseServerMessage,
} from '@protocol';
import { type BackoffOptions, type RandomSource, VIEW_RECONNECT_BACKOFF, backoffDelayMs, checkBackoffOptions } from '@common/retry/backoff';
import { checkBinaryFrame } from './binary-frame';
import { type BinaryHandler, BridgeListeners, type MessageHandler } from './bridge-listeners';
import { type OpenSocket, type SocketHandle, openBrowserSocket } from './bridge-socket';
import { type BridgeStatus, OFFLINE_STATUS } from './bridge-status';
import { CommandError, PendingCommands, type ReplyMessage } from './pending-commands';

export type StatusListener = (status: BridgeStatus) => void;

/** A client message that changes state: it needs the operator or admin role and gets exactly one reply. */
export type CommandMessage = Extract<ClientMessage, { type: (typeof COMMAND_TYPES)[number] }>;
/** A command as the caller writes it; the client assigns the request id. */
export type CommandRequest = CommandMessage extends infer M ? (M extends CommandMessage ? Omit<M, 'id'> : never) : never;

export type QueryMessage = Extract<ClientMessage, { type: (typeof QUERY_TYPES)[number] }>;
/** A query as callers write it: the bridge client adds the request id. */
export type QueryRequest = QueryMessage extends infer M ? (M extends QueryMessage ? Omit<M, 'id'> : never) : never;

export interface BridgeClientOptions {
  /** The bridge's socket URL, e.g. `ws://127.0.0.1:8080/ws`. */
  url: string;
  /** Session token for the hello; without one the bridge treats the client as a viewer. */
  token?: string;
  /**
   * Asked as each socket opens: where to resume each stream (e.g. the last
   * alert sequence applied), sent in that socket's hello; undefined resumes nothing.
   * @default no resume
   */
  resume?: () => HelloMessage['resume'];
  /** Identifies this client in the bridge's log, e.g. `console/0.1.0`. */
  clientName: string;
  /** Opens a socket. @default openBrowserSocket */
  openSocket?: OpenSocket;
  /** Jitter source for reconnect delays. @default Math.random */
  random?: RandomSource;
  /** @default VIEW_RECONNECT_BACKOFF (500 ms doubling up to 5 s) */
  backoff?: BackoffOptions;
  /** Silence, in heartbeat intervals, after which a live connection is stale. @default 2.5 */
  staleAfterHeartbeats?: number;
  /** Further silence, in ms, after going stale before the socket is dropped and reopened. @default 10_000 */
  staleGraceMs?: number;
  /** How long to wait for the welcome after opening a socket, in ms. @default 10_000 */
  welcomeTimeoutMs?: number;
  /** How long a command waits for its reply, in ms. @default 10_000 */
  commandTimeoutMs?: number;
  /** Who hears pushes and binary frames; pass one hub to keep subscriptions across clients. @default a new hub */
  listeners?: BridgeListeners;
  /** Where invalid frames and bridge errors are reported. @default console */
  logger?: Pick<Console, 'warn' | 'error'>;
}

/** Close codes after which retrying cannot help: the same hello would be refused again. */
const REFUSING_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.badHandshake,
  CloseCode.invalidToken,
  CloseCode.protocolMismatch,
]);

/** Close code the client uses when it gives up on a socket itself. */
const NORMAL_CLOSURE = 1000;

/**
 * Frames that change nothing else (pushes, binary frames, acks) refresh
 * `lastMessageAt` in the published status at most this often, in ms: traffic
 * arrives several times a second and each snapshot wakes every subscriber.
 */
const HEARD_PUBLISH_INTERVAL_MS = 1000;

export class BridgeClient {
  private readonly url: string;
  private readonly hello: HelloMessage;
  private readonly resume: () => HelloMessage['resume'];
  private readonly openSocket: OpenSocket;
  private readonly random: RandomSource;
  private readonly backoff: BackoffOptions;
  private readonly staleAfterHeartbeats: number;
  private readonly staleGraceMs: number;
  private readonly welcomeTimeoutMs: number;
  private readonly logger: Pick<Console, 'warn' | 'error'>;
  private readonly pushListeners: BridgeListeners;
  private readonly commands: PendingCommands;

  private status: BridgeStatus = OFFLINE_STATUS;
  private readonly listeners = new Set<StatusListener>();
  private socket: SocketHandle | null = null;
  /** When the last frame arrived, epoch ms; the watchdog reads this, the status carries it less often. */
  private lastHeardAt = 0;
  private commandCount = 0;
  /** Bumped per socket so that late events from an abandoned socket are ignored. */
  private socketGeneration = 0;
  private heartbeatIntervalMs = 0;
  private pendingPing: { id: string; sentAt: number } | null = null;
  private pingCount = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private welcomeTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdogTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: BridgeClientOptions) {
    this.url = options.url;
    this.hello = {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      client: options.clientName,
      ...(options.token !== undefined && { token: options.token }),
    };
    this.resume = options.resume ?? (() => undefined);
    this.openSocket = options.openSocket ?? openBrowserSocket;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? VIEW_RECONNECT_BACKOFF;
    checkBackoffOptions(this.backoff);
    this.staleAfterHeartbeats = positive(options.staleAfterHeartbeats ?? 2.5, 'staleAfterHeartbeats');
    this.staleGraceMs = positive(options.staleGraceMs ?? 10_000, 'staleGraceMs');
    this.welcomeTimeoutMs = positive(options.welcomeTimeoutMs ?? 10_000, 'welcomeTimeoutMs');
    this.commands = new PendingCommands(positive(options.commandTimeoutMs ?? 10_000, 'commandTimeoutMs'));
    this.logger = options.logger ?? console;
    this.pushListeners = options.listeners ?? new BridgeListeners(this.logger);
  }

  /** The latest status snapshot. */
  get current(): BridgeStatus {
    return this.status;
  }

  /** Calls `listener` with every new status; returns the unsubscribe function. */
  subscribe(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `handler` with every valid message of `type` (after the client has applied it); returns the unsubscribe function. */
  onMessage<T extends ServerMessageType>(type: T, handler: MessageHandler<T>): () => void {
    return this.pushListeners.onMessage(type, handler);
  }

  /** Calls `handler` with every binary frame that is a bundle of a known kind; returns the unsubscribe function. */
  onBinary(handler: BinaryHandler): () => void {
    return this.pushListeners.onBinary(handler);
  }

  /**
   * Sends a command with a fresh request id. Resolves on the bridge's `ack`;
   * rejects with a `CommandError` carrying the bridge's error code and
   * message, or `timeout`, `disconnected` or `not-connected`.
   */
  async sendCommand(command: CommandRequest): Promise<void> {
    await this.exchange(command);
  }

  /**
   * Sends a read-only request (subscribe, watch, get) with a fresh request
   * id. Resolves with the bridge's reply — the data message carrying the
   * request id, or `ack` — and rejects like `sendCommand`.
   */
  request(query: QueryRequest): Promise<ReplyMessage> {
    return this.exchange(query);
  }

  private exchange(request: CommandRequest | QueryRequest): Promise<ReplyMessage> {
    const { state } = this.status;
    if (!this.socket || (state !== 'live' && state !== 'stale')) {
      return Promise.reject(new CommandError('not-connected', 'not connected to the bridge'));
    }
    const id = `req-${++this.commandCount}`;
    const reply = this.commands.wait(id);
    this.send({ ...request, id } as CommandMessage | QueryMessage);
    return reply;
  }

  /** Connects; also retries after a refusal (e.g. once a new token is in place). Does nothing while running. */
  start(): void {
    if (this.status.state !== 'offline' && this.status.state !== 'refused') return;
    this.update({ attempt: 0, refusedCode: null, refusedReason: null });
    this.open();
  }

  /** Closes the socket and stops retrying. */
  stop(): void {
    this.abandonSocket('client stopped');
    this.update({ state: 'offline', nextRetryAt: null });
  }

  private open(): void {
    this.clearTimers();
    const generation = ++this.socketGeneration;
    const current = () => generation === this.socketGeneration;
    try {
      this.socket = this.openSocket(this.url, SUBPROTOCOL, {
        opened: () => {
          if (!current()) return;
          const resume = this.resume();
          this.send(resume === undefined ? this.hello : { ...this.hello, resume });
        },
        received: (data) => {
          if (current()) this.receive(data);
        },
        closed: (code, reason) => {
          if (current()) this.closed(code, reason);
        },
      });
    } catch (error) {
      // `new WebSocket` throws only for a URL or port the browser will never
      // accept, so retrying would fail the same way.
      this.socket = null;
      this.update({ state: 'refused', nextRetryAt: null, refusedReason: `cannot open ${this.url}: ${String(error)}` });
      return;
    }
    this.pendingPing = null;
    this.update({ state: 'connecting', nextRetryAt: null, rttMs: null });
    this.welcomeTimer = setTimeout(() => this.giveUpOnSocket('no welcome in time'), this.welcomeTimeoutMs);
  }

  private receive(data: unknown): void {
    const now = Date.now();
    this.lastHeardAt = now;
    // Any frame proves the link is alive, even one we cannot use.
    const heard: Partial<BridgeStatus> = { lastMessageAt: now, ...(this.status.state === 'stale' && { state: 'live' }) };
    if (typeof data !== 'string') {
      try {
        checkBinaryFrame(data);
      } catch (error) {
        this.reject(heard, error instanceof Error ? error.message : String(error));
        return;
      }
      this.noteHeard(now, heard);
      this.pushListeners.emitBinary(data);
      return;
    }
    const parsed = parseServerMessage(data);
    if (!parsed.ok) {
      this.reject(heard, parsed.error);
      return;
    }
    this.apply(parsed.value, now, heard);
    this.pushListeners.emit(parsed.value);
  }

  /** Applies one valid message, folding `heard` into the same status update. */
  private apply(message: ServerMessage, now: number, heard: Partial<BridgeStatus>): void {
    switch (message.type) {
      case 'welcome':
        clearTimeout(this.welcomeTimer);
        this.heartbeatIntervalMs = message.heartbeatIntervalMs;
        this.update({
          ...heard,
          state: 'live',
          attempt: 0,
          welcome: message,
          serverTimeOffsetMs: message.serverTime - now,
        });
        this.armWatchdog(this.staleAfterMs());
        this.ping(now);
        return;
      case 'heartbeat':
        this.update({ ...heard, clients: message.clients, clientsAt: message.serverTime });
        this.ping(now);
        return;
      case 'pong':
        this.update({ ...heard, ...this.measure(message.id, message.serverTime, now) });
        return;
      case 'error':
        if (!this.commands.settle(message)) this.logger.warn(`bridge reported ${message.code}: ${message.message}`);
        this.update(heard);
        return;
      case 'ack':
        if (!this.commands.settle(message)) this.logger.warn(`bridge acknowledged ${message.requestId}, which is not in flight`);
        this.noteHeard(now, heard);
        return;
      default:
        if ('requestId' in message && message.requestId !== undefined) this.commands.settle(message);
        this.noteHeard(now, heard);
    }
  }

  /** Publishes `heard` only when the status would otherwise run behind: stale, or a second old. */
  private noteHeard(now: number, heard: Partial<BridgeStatus>): void {
    const publishedAt = this.status.lastMessageAt ?? 0;
    if (heard.state !== undefined || now - publishedAt >= HEARD_PUBLISH_INTERVAL_MS) this.update(heard);
  }

  private ping(now: number): void {
    const ping: PingMessage = { type: 'ping', id: `ping-${++this.pingCount}`, clientTime: now };
    this.pendingPing = { id: ping.id, sentAt: now };
    this.send(ping);
  }

  /** Round-trip time, and the clock offset assuming the pong was stamped halfway through the trip. */
  private measure(pingId: string, serverTime: number, now: number): Partial<BridgeStatus> {
    // A pong for an older ping would pair with the wrong send time.
    if (this.pendingPing?.id !== pingId) return {};
    const rttMs = now - this.pendingPing.sentAt;
    this.pendingPing = null;
    return { rttMs, serverTimeOffsetMs: serverTime - (now - rttMs / 2) };
  }

  private closed(code: number, reason: string): void {
    this.socketGeneration++;
    this.socket = null;
    this.clearTimers();
    this.commands.rejectAll('disconnected', 'the connection to the bridge closed before it replied');
    if (REFUSING_CLOSE_CODES.has(code)) {
      this.update({
        state: 'refused',
        nextRetryAt: null,
        refusedCode: code,
        refusedReason: reason || `the bridge closed the connection with code ${code}`,
      });
      return;
    }
    this.scheduleRetry();
  }

  /** Drops a socket that stopped answering; waiting for its close could take minutes on a dead network. */
  private giveUpOnSocket(reason: string): void {
    this.logger.warn(`bridge connection: ${reason}; reconnecting`);
    this.abandonSocket(reason);
    this.scheduleRetry();
  }

  private abandonSocket(reason: string): void {
    this.clearTimers();
    this.socketGeneration++;
    this.socket?.close(NORMAL_CLOSURE, reason);
    this.socket = null;
    this.commands.rejectAll('disconnected', `the connection to the bridge was dropped (${reason}) before it replied`);
  }

  private scheduleRetry(): void {
    const attempt = this.status.attempt + 1;
    const delayMs = backoffDelayMs(attempt, this.random, this.backoff);
    this.retryTimer = setTimeout(() => this.open(), delayMs);
    this.update({ state: 'reconnecting', attempt, nextRetryAt: Date.now() + delayMs });
  }

  /**
   * Re-armed lazily: rather than resetting a timer on every frame, the check
   * wakes when the silence could first have run out and measures it then.
   */
  private armWatchdog(delayMs: number): void {
    clearTimeout(this.watchdogTimer);
    this.watchdogTimer = setTimeout(() => this.checkSilence(), delayMs);
  }

  private checkSilence(): void {
    const silentMs = Date.now() - this.lastHeardAt;
    const staleAfterMs = this.staleAfterMs();
    const dropAfterMs = staleAfterMs + this.staleGraceMs;
    if (silentMs >= dropAfterMs) {
      this.giveUpOnSocket(`bridge silent for ${silentMs} ms`);
    } else if (silentMs >= staleAfterMs) {
      if (this.status.state === 'live') this.update({ state: 'stale' });
      this.armWatchdog(dropAfterMs - silentMs);
    } else {
      this.armWatchdog(staleAfterMs - silentMs);
    }
  }

  private staleAfterMs(): number {
    return this.staleAfterHeartbeats * this.heartbeatIntervalMs;
  }

  private reject(heard: Partial<BridgeStatus>, error: string): void {
    this.logger.warn(`bridge sent an invalid frame: ${error}`);
    this.update({ ...heard, invalidMessages: this.status.invalidMessages + 1 });
  }

  private send(message: HelloMessage | PingMessage | CommandMessage | QueryMessage): void {
    this.socket?.send(JSON.stringify(message));
  }

  private clearTimers(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.welcomeTimer);
    clearTimeout(this.watchdogTimer);
  }

  private update(patch: Partial<BridgeStatus>): void {
    this.status = Object.freeze({ ...this.status, ...patch });
    for (const listener of this.listeners) {
      // One failing subscriber must neither break the connection nor starve the others.
      try {
        listener(this.status);
      } catch (error) {
        this.logger.error('bridge status listener failed', error);
      }
    }
  }
}

function positive(value: number, name: string): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`bridge client ${name}: expected a positive number, got ${value}`);
  return value;
}
