/**
 * A test client of the alert stream that behaves like the renderer will:
 * it applies snapshots and events with the protocol's reducer, reconnects by
 * itself when the connection drops, and resumes from the last sequence
 * number it applied. It records what it applied so tests can check that
 * every event arrived exactly once.
 */
import WebSocket from 'ws';
import {
  type AlertStreamState,
  EMPTY_ALERT_STREAM,
  alertResumeOf,
  alertStreamHasGap,
  applyAlertEvent,
  applyAlertSnapshot,
} from '../protocol/alerts';
import { PROTOCOL_VERSION, SUBPROTOCOL, type ServerMessage, WS_PATH, parseServerMessage } from '../protocol';

export interface AlertClientOptions {
  /** `http://127.0.0.1:PORT` of the bridge. */
  origin: string;
  token?: string;
  /** Wait before reconnecting, ms. @default 25 */
  reconnectDelayMs?: number;
  /** Reconnect attempts in a row without a welcome before giving up. @default 600 */
  maxFailedAttempts?: number;
}

type Waiter = { test: () => boolean; resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export class ResumingAlertClient {
  state: AlertStreamState = EMPTY_ALERT_STREAM;
  /** Sequence numbers of the events that changed the state, in the order they came. */
  readonly appliedSeqs: number[] = [];
  /** Sequence numbers of the snapshots received: one for a fresh client, none after a resume. */
  readonly snapshotSeqs: number[] = [];
  /** Events received again (already applied): harmless, counted to show resume works. */
  duplicates = 0;
  /** Gaps seen inside one connection; the bridge never skips, so this stays 0. */
  gaps = 0;
  /** Connections that got a welcome. */
  connections = 0;
  /** Every other server message, by type, for tests that look at replies. */
  readonly others: ServerMessage[] = [];
  private socket: WebSocket | null = null;
  private stopped = false;
  private failedAttempts = 0;
  private readonly waiters = new Set<Waiter>();
  private failure: Error | null = null;

  constructor(private readonly options: AlertClientOptions) {}

  /** Connects; resolves once the first connection is welcomed. */
  start(): Promise<void> {
    this.connect();
    return this.waitFor(() => this.connections > 0, 'the first welcome');
  }

  /** Drops the connection abruptly, as a network failure would; the client reconnects by itself. */
  cut(): void {
    this.socket?.terminate();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.terminate();
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters.clear();
  }

  /** Sends a JSON message on the current connection. */
  send(message: unknown): void {
    this.socket?.send(JSON.stringify(message));
  }

  /** Resolves when `test` holds, checked after every message; rejects after `timeoutMs` naming what it waited for. */
  waitFor(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`timed out waiting for ${what}; client at seq ${this.state.lastSeq} after ${this.connections} connections`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(`${this.options.origin.replace(/^http/, 'ws')}${WS_PATH}`, [SUBPROTOCOL]);
    this.socket = socket;
    socket.on('open', () => {
      const resume = alertResumeOf(this.state);
      socket.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, client: 'alert-test', ...(this.options.token && { token: this.options.token }), ...(resume && { resume }) }));
    });
    socket.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) this.receive(String(data));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket !== socket || this.stopped) return;
      if (++this.failedAttempts > (this.options.maxFailedAttempts ?? 600)) {
        this.fail(new Error(`gave up reconnecting after ${this.failedAttempts - 1} attempts`));
        return;
      }
      setTimeout(() => this.connect(), this.options.reconnectDelayMs ?? 25);
    });
  }

  private receive(text: string): void {
    const parsed = parseServerMessage(text);
    if (!parsed.ok) return this.fail(new Error(`the bridge sent an invalid message: ${parsed.error}`));
    const message = parsed.value;
    if (message.type === 'welcome') {
      this.connections++;
      this.failedAttempts = 0;
    } else if (message.type === 'alert-snapshot') {
      this.state = applyAlertSnapshot(this.state, message);
      this.snapshotSeqs.push(message.seq);
    } else if (message.type === 'alert-event') {
      const next = applyAlertEvent(this.state, message);
      if (next === this.state) this.duplicates++;
      else this.appliedSeqs.push(message.seq);
      this.state = next;
      if (alertStreamHasGap(this.state)) {
        this.gaps++;
        this.cut();
      }
    } else if (message.type !== 'heartbeat' && message.type !== 'sim-clock' && message.type !== 'traffic-summary') {
      this.others.push(message);
    }
    for (const waiter of this.waiters) {
      if (!waiter.test()) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }
}

/** Checks that `seqs` holds every number from `from` to `to` exactly once, in order; returns a description of what is wrong, or ''. */
export function exactlyOnceProblem(seqs: readonly number[], from: number, to: number): string {
  const expected = to - from + 1;
  if (seqs.length !== expected) return `expected ${expected} events (${from}..${to}), got ${seqs.length}`;
  const wrong = seqs.findIndex((seq, i) => seq !== from + i);
  return wrong < 0 ? '' : `at position ${wrong} expected seq ${from + wrong}, got ${seqs[wrong]}`;
}
