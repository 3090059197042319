/**
 * What a feature sees of the connected clients: a ready session it can send
 * to, and the set of them to broadcast over. The transport (server/)
 * implements both; modules never touch a socket.
 */
import type { HelloMessage, Role, ServerMessage } from '../protocol';
import type { SessionCredential } from '../auth/token-registry';

/** One client past the handshake. */
export interface Session {
  readonly id: string;
  /** Set once the handshake accepted the client's token. */
  readonly role: Role | null;
  /** The session's label for logs and history, e.g. `console/0.1.0@1a2b3c4d`. */
  readonly label: string;
  /** What the client said it saw last, from its `hello`. */
  readonly resume: HelloMessage['resume'];
  /** Bytes queued in the socket, not yet handed to the OS. */
  readonly bufferedBytes: number;
  /** Sends a message; false when the socket is no longer open. */
  send(message: ServerMessage): boolean;
  /** Sends a message already encoded as JSON text (encoded once, sent to many). */
  sendText(text: string): boolean;
  /** Sends a binary frame (traffic). */
  sendBinary(frame: ArrayBuffer): boolean;
  /** Drops the connection at once; the client reconnects and resumes. */
  terminate(): void;
  /** The credential the hello presented (null: a viewer without token); absent on test fakes. */
  readonly credential?: SessionCredential | null;
  /** Closes with an application close code the client shows (e.g. a revoked credential); absent on test fakes. */
  close?(code: number, reason: string): void;
}

/** Every ready client, for pushes. */
export interface Clients {
  /** The sessions past the handshake, for pushes that differ per client (e.g. masked by role). */
  readySessions(): Iterable<Session>;
  /** Sends a message to every ready client, optionally filtered; encoded once. */
  broadcast(message: ServerMessage, filter?: (session: Session) => boolean): void;
  /** Sends a traffic frame to every ready client that keeps up; a slow one skips it. */
  broadcastTraffic(frame: ArrayBuffer): void;
  /** Tells each client whose traffic frames were skipped since the last report how many in all. */
  reportDroppedTraffic(): void;
  /** Traffic frames skipped across all clients connected now. */
  readonly droppedTrafficFrames: number;
}
