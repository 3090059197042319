/**
 * One client connection: the hello/welcome handshake, then request handling.
 * Every inbound frame is size-checked and validated; a bad one gets an error
 * reply naming what is wrong and the session carries on. Only a bad
 * handshake closes the socket, with a code and a reason the UI shows.
 */
import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import {
  CloseCode,
  type ClientMessage,
  type ErrorCode,
  type HelloMessage,
  MAX_CLIENT_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  type Role,
  type ServerMessage,
  type WelcomeMessage,
  parseClientMessage,
} from '../protocol';
import type { SessionCredential, TokenRegistry } from '../auth/token-registry';
import { type CommandMessage, type CommandOutcome, type QueryMessage, type QueryOutcome, isCommand, isQuery } from '../core/requests';
import type { Session } from '../core/session';

export type SessionState = 'awaiting-hello' | 'ready' | 'closed';

export interface SessionContext {
  tokens: TokenRegistry;
  /** Builds the welcome for a newly accepted client. */
  welcome: (role: Role, sessionId: string) => WelcomeMessage;
  /** Time a client has to send `hello` after connecting, in ms. */
  handshakeTimeoutMs: number;
  onReady: (session: ClientSession) => void;
  onClosed: (session: ClientSession) => void;
  /** Carries out (or refuses) a command; the outcome becomes the one reply, `ack` or `error`. */
  command: (command: CommandMessage, session: ClientSession) => Promise<CommandOutcome>;
  /** Answers a read-only request; the outcome's reply (or `ack`) or error is the one reply. */
  query: (query: QueryMessage, session: ClientSession) => Promise<QueryOutcome>;
}

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
const MAX_CLOSE_REASON_BYTES = 123;

export function clampCloseReason(reason: string): string {
  let clamped = reason;
  while (Buffer.byteLength(clamped) > MAX_CLOSE_REASON_BYTES) clamped = clamped.slice(0, -2) + '…';
  return clamped;
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function asText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

export class ClientSession implements Session {
  readonly id = randomUUID();
  readonly connectedAt = Date.now();
  state: SessionState = 'awaiting-hello';
  role: Role | null = null;
  /** What the hello's token was: a link, a paired device, a configured or desktop session token; null without one. */
  credential: SessionCredential | null = null;
  client: string | null = null;
  /** Where the client's hello says it left off in each stream. */
  resume: HelloMessage['resume'];
  /** Frames refused since connecting; reported in health and logs. */
  rejectedMessages = 0;
  /** Traffic frames skipped because this client's socket was backed up. */
  droppedTrafficFrames = 0;
  /** The dropped count last reported to the client in `stream-status`. */
  reportedDroppedTrafficFrames = 0;
  private readonly handshakeTimer: NodeJS.Timeout;

  constructor(
    readonly socket: WebSocket,
    private readonly context: SessionContext,
  ) {
    this.handshakeTimer = setTimeout(
      () => this.close(CloseCode.handshakeTimeout, `no hello within ${context.handshakeTimeoutMs} ms`),
      context.handshakeTimeoutMs,
    );
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.closed());
    socket.on('error', () => this.closed());
  }

  /** Who this session is in logs and history: the client's name and the start of the session id. */
  get label(): string {
    return `${this.client ?? 'client'}@${this.id.slice(0, 8)}`;
  }

  /** Sends a JSON message; returns false if the socket is no longer open. */
  send(message: ServerMessage): boolean {
    return this.sendText(JSON.stringify(message));
  }

  /** Sends a message already encoded, e.g. one shared by many sessions; false if the socket is no longer open. */
  sendText(text: string): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    this.socket.send(text);
    return true;
  }

  sendBinary(frame: ArrayBuffer): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    this.socket.send(frame);
    return true;
  }

  get bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  terminate(): void {
    this.socket.terminate();
  }

  close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.socket.close(code, clampCloseReason(reason));
    this.closed();
  }

  private closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.handshakeTimer);
    this.context.onClosed(this);
  }

  private reject(code: ErrorCode, message: string, requestId?: string): void {
    this.rejectedMessages++;
    this.send({ type: 'error', code, message, ...(requestId && { requestId }) });
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.state === 'closed') return;
    const size = byteLength(data);
    if (isBinary) return this.handshakeOr(CloseCode.badHandshake, 'malformed', 'binary frames are not accepted from clients');
    if (size > MAX_CLIENT_MESSAGE_BYTES) {
      return this.handshakeOr(CloseCode.badHandshake, 'too-large', `message of ${size} bytes exceeds the limit of ${MAX_CLIENT_MESSAGE_BYTES} bytes`);
    }
    const parsed = parseClientMessage(asText(data));
    if (!parsed.ok) return this.handshakeOr(CloseCode.badHandshake, parsed.code, parsed.error, parsed.requestId);
    this.handle(parsed.value);
  }

  /** Before the handshake any bad frame ends the connection; after it, it gets an error reply. */
  private handshakeOr(closeCode: number, code: ErrorCode, message: string, requestId?: string): void {
    if (this.state === 'awaiting-hello') {
      this.rejectedMessages++;
      this.close(closeCode, `bad handshake: ${message}`);
      return;
    }
    this.reject(code, message, requestId);
  }

  private handle(message: ClientMessage): void {
    if (this.state === 'awaiting-hello') {
      if (message.type !== 'hello') {
        this.handshakeOr(CloseCode.badHandshake, 'not-ready', `expected hello first, got ${message.type}`);
        return;
      }
      this.greet(message);
      return;
    }
    if (isCommand(message)) {
      void this.runCommand(message);
      return;
    }
    if (isQuery(message)) {
      void this.runQuery(message);
      return;
    }
    switch (message.type) {
      case 'hello':
        this.reject('already-greeted', 'hello was already accepted on this connection');
        return;
      case 'ping':
        this.send({ type: 'pong', id: message.id, clientTime: message.clientTime, serverTime: Date.now() });
        return;
    }
  }

  /** Every command gets exactly one reply: `ack`, or `error` saying why not. */
  private async runCommand(command: CommandMessage): Promise<void> {
    let outcome: CommandOutcome;
    try {
      outcome = await this.context.command(command, this);
    } catch (error) {
      outcome = { ok: false, code: 'rejected', message: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.ok) this.send({ type: 'ack', requestId: command.id });
    else this.reject(outcome.code, outcome.message, command.id);
  }

  private async runQuery(query: QueryMessage): Promise<void> {
    let outcome: QueryOutcome;
    try {
      outcome = await this.context.query(query, this);
    } catch (error) {
      outcome = { ok: false, code: 'rejected', message: error instanceof Error ? error.message : String(error) };
    }
    if (!outcome.ok) this.reject(outcome.code, outcome.message, query.id);
    else this.send(outcome.reply ?? { type: 'ack', requestId: query.id });
  }

  private greet(hello: HelloMessage): void {
    if (hello.protocol !== PROTOCOL_VERSION) {
      this.close(
        CloseCode.protocolMismatch,
        `protocol ${hello.protocol} is not supported; this bridge speaks protocol ${PROTOCOL_VERSION}`,
      );
      return;
    }
    const check = this.context.tokens.check(hello.token);
    if (!check.ok) {
      this.close(CloseCode.invalidToken, check.reason);
      return;
    }
    clearTimeout(this.handshakeTimer);
    this.role = check.role;
    this.credential = check.credential;
    this.client = hello.client ?? null;
    this.resume = hello.resume;
    this.state = 'ready';
    this.send(this.context.welcome(check.role, this.id));
    this.context.onReady(this);
  }
}
