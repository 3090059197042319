/**
 * Test double for the bridge's side of the socket: records what the client
 * sends and lets a test deliver frames and closes. Used by the client's and
 * the store's tests; never imported by the app.
 */
import { PROTOCOL_VERSION, type WelcomeMessage } from '@protocol';
import type { OpenSocket, SocketHandle, SocketHandlers } from './bridge-socket';

export class FakeSocket implements SocketHandle {
  /** Every message the client sent, parsed from JSON. */
  readonly sent: { type: string; [field: string]: unknown }[] = [];
  /** How the client closed this socket; null while it has not. */
  closedWith: { code: number; reason: string } | null = null;

  constructor(
    readonly url: string,
    readonly protocol: string,
    private readonly handlers: SocketHandlers,
  ) {}

  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }

  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
  }

  /** The handshake completed. */
  open(): void {
    this.handlers.opened();
  }

  /** The bridge sent a text frame: objects are sent as JSON, anything else as is. */
  deliver(message: object | string | ArrayBuffer): void {
    const isObject = typeof message === 'object' && !(message instanceof ArrayBuffer);
    this.handlers.received(isObject ? JSON.stringify(message) : message);
  }

  /** The bridge (or the network, with 1006) closed the socket. */
  serverClose(code: number, reason = ''): void {
    this.handlers.closed(code, reason);
  }

  /** The last ping the client sent; fails the test when there is none. */
  lastPing(): { id: string; clientTime: number } {
    const ping = this.sent.findLast((message) => message.type === 'ping');
    if (!ping) throw new Error('the client sent no ping');
    return ping as unknown as { id: string; clientTime: number };
  }
}

/** Hands out fake sockets and remembers them in order. */
export class FakeBridge {
  readonly sockets: FakeSocket[] = [];

  readonly openSocket: OpenSocket = (url, protocol, handlers) => {
    const socket = new FakeSocket(url, protocol, handlers);
    this.sockets.push(socket);
    return socket;
  };

  /** The most recently opened socket; fails the test when there is none. */
  get latest(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('the client opened no socket');
    return socket;
  }
}

/** A valid welcome; `serverTime` defaults to the current (possibly faked) clock. */
export function welcome(overrides: Partial<WelcomeMessage> = {}): WelcomeMessage {
  return {
    type: 'welcome',
    protocol: PROTOCOL_VERSION,
    role: 'operator',
    city: { id: 'demo', name: { zh: '演示城', en: 'Demo City' }, version: 'v1' },
    source: 'simulator',
    serverTime: Date.now(),
    heartbeatIntervalMs: 1000,
    sessionId: 'session-1',
    ...overrides,
  };
}
