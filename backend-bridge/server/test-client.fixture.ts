/**
 * A WebSocket test client that queues what it receives, so tests await the
 * next message or the close instead of sleeping.
 */
import WebSocket from 'ws';
import { SUBPROTOCOL, type ServerMessage, WS_PATH } from '../protocol';

export interface TestClient {
  socket: WebSocket;
  next(): Promise<ServerMessage>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  sendJson(value: unknown): void;
}

export async function openTestClient(origin: string, protocols: string[] = [SUBPROTOCOL]): Promise<TestClient> {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}${WS_PATH}`, protocols);
  const queue: ServerMessage[] = [];
  const waiters: ((message: ServerMessage) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
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
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiters.push(resolve));
    },
    sendJson: (value) => socket.send(JSON.stringify(value)),
  };
}

/** Skips heartbeats, which may arrive at any point, and returns the next other message. */
export async function nextNonHeartbeat(client: TestClient): Promise<ServerMessage> {
  for (;;) {
    const message = await client.next();
    if (message.type !== 'heartbeat') return message;
  }
}
