/**
 * Accepts WebSocket upgrades on `/ws`, adds each connection to the client
 * set, sends heartbeats, and detects dead peers with protocol-level pings.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { CloseCode, MAX_CLIENT_FRAME_BYTES, type Role, SUBPROTOCOL, type ServerMessage, WS_PATH, type WelcomeMessage } from '../protocol';
import type { TokenRegistry } from '../auth/token-registry';
import type { CommandMessage, CommandOutcome, QueryMessage, QueryOutcome } from '../core/requests';
import { ClientSession } from './client-session';
import type { Logger } from '../core/log';
import type { ClientSet } from './client-set';

export interface WsHubOptions {
  tokens: TokenRegistry;
  welcome: (role: Role, sessionId: string) => WelcomeMessage;
  /** Heartbeat period, in ms. @default 5000 */
  heartbeatIntervalMs: number;
  /** Time a new client has to say hello, in ms. @default 10000 */
  handshakeTimeoutMs: number;
  /** The set the hub adds each connection to and removes it from. */
  clients: ClientSet;
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
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeatTimer: NodeJS.Timeout;

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

  /** Closes every client with 1001 and stops accepting. */
  async close(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    for (const session of this.options.clients.all()) session.close(CloseCode.goingAway, 'bridge is shutting down');
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
        this.options.clients.remove(closed);
        this.options.onClientClosed?.(closed);
      },
    });
    this.options.clients.add(session);
  }

  private beat(): void {
    for (const session of this.options.clients.all()) {
      const socket = session.socket;
      // A peer that did not answer the previous ping within a whole period is gone.
      if (!this.alive.get(socket)) {
        socket.terminate();
        continue;
      }
      this.alive.set(socket, false);
      socket.ping();
    }
    this.options.clients.broadcast(this.heartbeat());
  }

  private heartbeat(): ServerMessage {
    return { type: 'heartbeat', serverTime: Date.now(), clients: this.options.clients.readyCount };
  }
}
