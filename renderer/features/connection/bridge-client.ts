/**
 * Keeps one WebSocket to the bridge alive: the hello/welcome handshake,
 * liveness from heartbeats, round-trip time from pings, and reconnects with
 * backoff. Plain TypeScript with no Vue in it; the connection store adapts it.
 *
 * Every change is published as a new frozen `BridgeStatus` snapshot, so a
 * subscriber can compare snapshots by identity.
 */
import {
  CloseCode,
  type HelloMessage,
  PROTOCOL_VERSION,
  type PingMessage,
  SUBPROTOCOL,
  type ServerMessage,
  type WelcomeMessage,
  parseServerMessage,
} from '@protocol';
import { type BackoffOptions, DEFAULT_BACKOFF, type RandomSource, backoffDelayMs, checkBackoffOptions } from './backoff';
import { type OpenSocket, type SocketHandle, openBrowserSocket } from './bridge-socket';

/**
 * - `offline`: not started, or stopped.
 * - `connecting`: a socket is opening or waiting for the bridge's welcome.
 * - `live`: welcomed, and the bridge spoke recently.
 * - `stale`: welcomed, but silent for longer than the stale limit.
 * - `reconnecting`: waiting out the backoff before the next attempt.
 * - `refused`: the bridge turned this client away for good (bad token, wrong
 *   protocol, bad handshake) or the socket could not even be created; no retry.
 */
export type ConnectionState = 'offline' | 'connecting' | 'live' | 'stale' | 'reconnecting' | 'refused';

export interface BridgeStatus {
  state: ConnectionState;
  /** Number of the current or next reconnect attempt; 0 until a connection fails, and again once welcomed. */
  attempt: number;
  /** When the next attempt starts, in epoch ms (client clock); null unless `reconnecting`. */
  nextRetryAt: number | null;
  /** When the last frame arrived, in epoch ms (client clock). */
  lastMessageAt: number | null;
  /** Round-trip time of the latest answered ping, in ms; null until one is answered on this socket. */
  rttMs: number | null;
  /** Bridge clock minus client clock, in ms; kept across reconnects so clocks keep running. */
  serverTimeOffsetMs: number | null;
  /** The latest welcome; kept while reconnecting so the city and role stay on screen. */
  welcome: WelcomeMessage | null;
  /** Clients connected to the bridge, from the latest heartbeat. */
  clients: number | null;
  /** When the bridge counted `clients`, in epoch ms (bridge clock). */
  clientsAt: number | null;
  /** Close code of a refusal by the bridge; null unless refused by the bridge. */
  refusedCode: number | null;
  /** Why the connection was refused, as the bridge or the browser put it; null unless refused. */
  refusedReason: string | null;
  /** Frames that failed validation since the client was created. */
  invalidMessages: number;
}

export type StatusListener = (status: BridgeStatus) => void;

export interface BridgeClientOptions {
  /** The bridge's socket URL, e.g. `ws://127.0.0.1:8080/ws`. */
  url: string;
  /** Session token for the hello; without one the bridge treats the client as a viewer. */
  token?: string;
  /** Identifies this client in the bridge's log, e.g. `console/0.1.0`. */
  clientName: string;
  /** Opens a socket. @default openBrowserSocket */
  openSocket?: OpenSocket;
  /** Jitter source for reconnect delays. @default Math.random */
  random?: RandomSource;
  /** @default DEFAULT_BACKOFF (500 ms doubling up to 30 s) */
  backoff?: BackoffOptions;
  /** Silence, in heartbeat intervals, after which a live connection is stale. @default 2.5 */
  staleAfterHeartbeats?: number;
  /** Further silence, in ms, after going stale before the socket is dropped and reopened. @default 10_000 */
  staleGraceMs?: number;
  /** How long to wait for the welcome after opening a socket, in ms. @default 10_000 */
  welcomeTimeoutMs?: number;
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

/** Status of a client that has not started. */
export const OFFLINE_STATUS: BridgeStatus = Object.freeze({
  state: 'offline',
  attempt: 0,
  nextRetryAt: null,
  lastMessageAt: null,
  rttMs: null,
  serverTimeOffsetMs: null,
  welcome: null,
  clients: null,
  clientsAt: null,
  refusedCode: null,
  refusedReason: null,
  invalidMessages: 0,
});

export class BridgeClient {
  private readonly url: string;
  private readonly hello: HelloMessage;
  private readonly openSocket: OpenSocket;
  private readonly random: RandomSource;
  private readonly backoff: BackoffOptions;
  private readonly staleAfterHeartbeats: number;
  private readonly staleGraceMs: number;
  private readonly welcomeTimeoutMs: number;
  private readonly logger: Pick<Console, 'warn' | 'error'>;

  private status: BridgeStatus = OFFLINE_STATUS;
  private readonly listeners = new Set<StatusListener>();
  private socket: SocketHandle | null = null;
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
    this.openSocket = options.openSocket ?? openBrowserSocket;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    checkBackoffOptions(this.backoff);
    this.staleAfterHeartbeats = positive(options.staleAfterHeartbeats ?? 2.5, 'staleAfterHeartbeats');
    this.staleGraceMs = positive(options.staleGraceMs ?? 10_000, 'staleGraceMs');
    this.welcomeTimeoutMs = positive(options.welcomeTimeoutMs ?? 10_000, 'welcomeTimeoutMs');
    this.logger = options.logger ?? console;
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
          if (current()) this.send(this.hello);
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
    // Any frame proves the link is alive, even one we cannot use.
    const heard: Partial<BridgeStatus> = { lastMessageAt: now, ...(this.status.state === 'stale' && { state: 'live' }) };
    if (typeof data !== 'string') {
      this.reject(heard, 'binary frame received, but the bridge sends none in this protocol version');
      return;
    }
    const parsed = parseServerMessage(data);
    if (!parsed.ok) {
      this.reject(heard, parsed.error);
      return;
    }
    this.apply(parsed.value, now, heard);
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
        this.logger.warn(`bridge reported ${message.code}: ${message.message}`);
        this.update(heard);
        return;
    }
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
    const silentMs = Date.now() - (this.status.lastMessageAt ?? 0);
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

  private send(message: HelloMessage | PingMessage): void {
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
