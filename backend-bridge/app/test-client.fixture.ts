/**
 * A WebSocket test client that queues what it receives, so tests await the
 * next message or the close instead of sleeping. JSON messages and binary
 * frames are queued separately.
 */
import WebSocket from 'ws';
import { SUBPROTOCOL, type ServerMessage, WS_PATH } from '../protocol';

export interface TestClient {
  socket: WebSocket;
  next(): Promise<ServerMessage>;
  /** The next binary frame, as an ArrayBuffer of exactly its bytes. */
  nextBinary(): Promise<ArrayBuffer>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  sendJson(value: unknown): void;
}

class Queue<T> {
  private readonly items: T[] = [];
  private readonly waiters: ((item: T) => void)[] = [];

  push(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }

  next(): Promise<T> {
    const item = this.items.shift();
    return item !== undefined ? Promise.resolve(item) : new Promise((resolve) => this.waiters.push(resolve));
  }
}

export async function openTestClient(origin: string, protocols: string[] = [SUBPROTOCOL]): Promise<TestClient> {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}${WS_PATH}`, protocols);
  const messages = new Queue<ServerMessage>();
  const frames = new Queue<ArrayBuffer>();
  socket.on('message', (data: Buffer, isBinary) => {
    if (isBinary) frames.push(new Uint8Array(data).slice().buffer);
    else messages.push(JSON.parse(String(data)) as ServerMessage);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    closed,
    next: () => messages.next(),
    nextBinary: () => frames.next(),
    sendJson: (value) => socket.send(JSON.stringify(value)),
  };
}

/** Returns the next message of one type, skipping the others (heartbeats, pushes). */
export async function nextOfType<T extends ServerMessage['type']>(
  client: TestClient,
  type: T,
): Promise<Extract<ServerMessage, { type: T }>> {
  for (;;) {
    const message = await client.next();
    if (message.type === type) return message as Extract<ServerMessage, { type: T }>;
  }
}

/** Skips heartbeats and live pushes and returns the next reply-like message. */
export async function nextNonHeartbeat(client: TestClient): Promise<ServerMessage> {
  const pushes = new Set(['heartbeat', 'sim-clock', 'traffic-summary', 'traffic-history', 'incidents', 'stream-status', 'alert-snapshot', 'alert-event', 'source-status']);
  for (;;) {
    const message = await client.next();
    if (!pushes.has(message.type)) return message;
  }
}
