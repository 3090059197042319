/**
 * The connected clients and the pushes to them. The hub adds a session when
 * a socket connects and removes it when it closes; features push through
 * the `Clients` face only.
 */
import type { ServerMessage } from '../protocol';
import type { Clients } from '../core/session';
import type { ClientSession } from './client-session';

export class ClientSet implements Clients {
  private readonly sessions = new Set<ClientSession>();
  /** Sessions that ended since start, for health figures. */
  closedSessions = 0;

  /**
   * @param maxBufferedTrafficBytes socket backlog above which traffic frames
   *   are skipped for that client, bytes; alerts and replies are never skipped
   */
  constructor(private readonly maxBufferedTrafficBytes: number) {}

  add(session: ClientSession): void {
    this.sessions.add(session);
  }

  remove(session: ClientSession): void {
    if (this.sessions.delete(session)) this.closedSessions++;
  }

  /** Every session, greeted or not. */
  all(): Iterable<ClientSession> {
    return this.sessions;
  }

  /** Clients that completed the handshake. */
  get readyCount(): number {
    let count = 0;
    for (const session of this.sessions) if (session.state === 'ready') count++;
    return count;
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  *readySessions(): IterableIterator<ClientSession> {
    for (const session of this.sessions) if (session.state === 'ready') yield session;
  }

  broadcast(message: ServerMessage, filter: (session: ClientSession) => boolean = () => true): void {
    const text = JSON.stringify(message);
    for (const session of this.readySessions()) if (filter(session)) session.sendText(text);
  }

  /**
   * A client with a backlog skips this frame (the next one supersedes it
   * anyway), so a slow link cannot grow the bridge's memory.
   */
  broadcastTraffic(frame: ArrayBuffer): void {
    for (const session of this.readySessions()) {
      if (session.bufferedBytes > this.maxBufferedTrafficBytes) {
        session.droppedTrafficFrames++;
        continue;
      }
      session.sendBinary(frame);
    }
  }

  reportDroppedTraffic(): void {
    for (const session of this.readySessions()) {
      if (session.droppedTrafficFrames === session.reportedDroppedTrafficFrames) continue;
      session.reportedDroppedTrafficFrames = session.droppedTrafficFrames;
      session.send({ type: 'stream-status', droppedTrafficFrames: session.droppedTrafficFrames });
    }
  }

  /** Bytes queued in all client sockets, not yet handed to the OS. */
  get bufferedBytes(): number {
    let buffered = 0;
    for (const session of this.sessions) buffered += session.bufferedBytes;
    return buffered;
  }

  /** Traffic frames skipped across all clients connected now. */
  get droppedTrafficFrames(): number {
    let dropped = 0;
    for (const session of this.sessions) dropped += session.droppedTrafficFrames;
    return dropped;
  }
}
