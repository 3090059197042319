/**
 * Accepts WebSocket upgrades on `/ws`, owns the set of client sessions, sends
 * heartbeats, and detects dead peers with protocol-level pings.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { CloseCode, MAX_CLIENT_FRAME_BYTES, type Role, SUBPROTOCOL, type ServerMessage, WS_PATH, type WelcomeMessage } from '../protocol';
import type { TokenRegistry } from '../auth/token-registry';
import { ClientSession, type CommandMessage, type CommandOutcome, type QueryMessage, type QueryOutcome } from './client-session';
import type { Logger } from '../core/log';

export interface WsHubOptions {
  tokens: TokenRegistry;
  welcome: (role: Role, sessionId: string) => WelcomeMessage;
  /** Heartbeat period, in ms. @default 5000 */
  heartbeatIntervalMs: number;
  /** Time a new client has to say hello, in ms. @default 10000 */
  handshakeTimeoutMs: number;
  /**
   * Socket backlog above which traffic frames are skipped for that client,
   * in bytes. Alerts and replies are never skipped. @default 1 MiB
   */
  maxBufferedTrafficBytes: number;
  /** Sends a newly welcomed client what it needs at once (current state). */
  onClientReady: (session: ClientSession) => void;
  /** A session ended (after the handshake or not). */
  onClientClosed?: (session: ClientSession) => void;
  command: (command: CommandMessage, session: ClientSession) => Promise<CommandOutcome>;
  query: (query: QueryMessage, session: ClientSession) => Promise<QueryOutcome>;
  log: Logger;
}

/**
 * Picks the subprotocol to answer with. Our own version wins; another
 * `citybrain.*` version is echoed back so the connection opens and the
 * client learns from the hello's close reason why it was refused, instead of
 * a browser's bare connection failure.
 */
export function selectSubprotocol(offered: ReadonlySet<string>): string | false {
  if (offered.has(SUBPROTOCOL)) return SUBPROTOCOL;
  for (const protocol of offered) if (protocol.startsWith('citybrain.')) return protocol;
  return false;
}

export class WsHub {
  private readonly server: WebSocketServer;
  private readonly sessions = new Set<ClientSession>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeatTimer: NodeJS.Timeout;
  /** Sessions that ended since start, for health figures. */
  closedSessions = 0;

  constructor(private readonly options: WsHubOptions) {
    this.server = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_CLIENT_FRAME_BYTES,
      perMessageDeflate: false,
      handleProtocols: (offered) => selectSubprotocol(offered),
    });
    this.server.on('connection', (socket) => this.accept(socket));
    this.heartbeatTimer = setInterval(() => this.beat(), options.heartbeatIntervalMs);
    this.heartbeatTimer.unref();
  }

  /** Wires the hub to an HTTP server's upgrade requests. */
  attach(http: Server): void {
    http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = new URL(request.url ?? '/', 'http://bridge.invalid').pathname;
      if (path !== WS_PATH) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit('connection', ws, request));
    });
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

  /** The sessions past the handshake, for pushes that differ per client (e.g. masked by role). */
  *readySessions(): IterableIterator<ClientSession> {
    for (const session of this.sessions) if (session.state === 'ready') yield session;
  }

  /** Sends a message to every ready client, optionally filtered. */
  broadcast(message: ServerMessage, filter: (session: ClientSession) => boolean = () => true): void {
    const text = JSON.stringify(message);
    for (const session of this.sessions) {
      if (session.state === 'ready' && filter(session) && session.socket.readyState === session.socket.OPEN) {
        session.socket.send(text);
      }
    }
  }

  /**
   * Sends one binary traffic frame to every ready client whose socket is
   * keeping up. A client with a backlog skips this frame (the next one
   * supersedes it anyway), so a slow link cannot grow the bridge's memory.
   */
  broadcastTraffic(frame: ArrayBuffer): void {
    for (const session of this.sessions) {
      if (session.state !== 'ready' || session.socket.readyState !== session.socket.OPEN) continue;
      if (session.socket.bufferedAmount > this.options.maxBufferedTrafficBytes) {
        session.droppedTrafficFrames++;
        continue;
      }
      session.socket.send(frame);
    }
  }

  /** Tells each client whose traffic frames were skipped since the last report how many in all. */
  reportDroppedTraffic(): void {
    for (const session of this.sessions) {
      if (session.state !== 'ready' || session.droppedTrafficFrames === session.reportedDroppedTrafficFrames) continue;
      session.reportedDroppedTrafficFrames = session.droppedTrafficFrames;
      session.send({ type: 'stream-status', droppedTrafficFrames: session.droppedTrafficFrames });
    }
  }

  /** Bytes queued in all client sockets, not yet handed to the OS. */
  get bufferedBytes(): number {
    let buffered = 0;
    for (const session of this.sessions) buffered += session.socket.bufferedAmount;
    return buffered;
  }

  /** Traffic frames skipped across all clients connected now. */
  get droppedTrafficFrames(): number {
    let dropped = 0;
    for (const session of this.sessions) dropped += session.droppedTrafficFrames;
    return dropped;
  }

  /** Closes every client with 1001 and stops accepting. */
  async close(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    for (const session of this.sessions) session.close(CloseCode.goingAway, 'bridge is shutting down');
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private accept(socket: WebSocket): void {
    this.alive.set(socket, true);
    socket.on('pong', () => this.alive.set(socket, true));
    const session = new ClientSession(socket, {
      tokens: this.options.tokens,
      welcome: this.options.welcome,
      handshakeTimeoutMs: this.options.handshakeTimeoutMs,
      command: this.options.command,
      query: this.options.query,
      onReady: (ready) => {
        this.options.log.info(`client ${ready.id} ready as ${ready.role} (${ready.client ?? 'unnamed'})`);
        // The first heartbeat goes out at once, so a new client has the server clock and client count now.
        ready.send(this.heartbeat());
        this.options.onClientReady(ready);
      },
      onClosed: (closed) => {
        if (this.sessions.delete(closed)) this.closedSessions++;
        this.options.onClientClosed?.(closed);
      },
    });
    this.sessions.add(session);
  }

  private beat(): void {
    for (const session of this.sessions) {
      const socket = session.socket;
      // A peer that did not answer the previous ping within a whole period is gone.
      if (!this.alive.get(socket)) {
        socket.terminate();
        continue;
      }
      this.alive.set(socket, false);
      socket.ping();
    }
    this.broadcast(this.heartbeat());
  }

  private heartbeat(): ServerMessage {
    return { type: 'heartbeat', serverTime: Date.now(), clients: this.readyCount };
  }
}
