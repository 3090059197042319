/**
 * Starts the bridge: opens its database, builds its modules around one
 * live-event bus, and serves the renderer, the city data and the WebSocket
 * hub on one port (https and wss when given a certificate).
 *
 * Everything is built before anything that calls it: the client set, then
 * the modules (which push to it), then the routers over the modules, then
 * the hub and the HTTP server that call the routers; the source starts last.
 */
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AlertService } from '../alerts/alert-service';
import { encodeCityPayload } from '../city/city-payload';
import type { BridgeOptions } from '../core/bridge-options';
import { createCommandRouter } from '../core/command-router';
import { EventBus } from '../core/event-bus';
import { createLogger } from '../core/log';
import { createQueryRouter } from '../core/query-router';
import { PROTOCOL_VERSION } from '../protocol';
import { ClientSet } from '../server/client-set';
import { type PreparedBody, createHttpHandler } from '../server/http-handler';
import { WsHub } from '../server/ws-hub';
import { LIVE_EVENT_KINDS, type LiveEvents } from '../sources/live-source';
import { AuditLog } from '../store/audit-log';
import { openDatabase } from '../store/database';
import { loadWallLayout } from '../wall/wall-layout-endpoint';
import { type BridgeModules, createBridgeModules } from './bridge-modules';

/** A certificate chain and its private key, PEM text (the files' contents, not their paths). */
export interface BridgeTls {
  certPem: string;
  keyPem: string;
}

export interface RunningBridge {
  port: number;
  /** `http://host:port` (`https://` with TLS), with loopback spelled 127.0.0.1. */
  origin: string;
  /** The connected clients. */
  clients: ClientSet;
  /** The alert stream: raise, act, and what was stored. */
  alerts: AlertService;
  close(): Promise<void>;
}

/** @param tls serve https and wss with this certificate; absent serves http and ws */
export async function startBridge(options: BridgeOptions, tls?: BridgeTls): Promise<RunningBridge> {
  const log = createLogger('bridge');
  // First, so a bad layout file stops the start before anything is opened.
  const wallLayout = loadWallLayout(options.wallLayoutFile);
  const startedAt = Date.now();
  const { city, source } = options;
  const payload = encodeCityPayload(city);
  const { meta } = city;
  const bodies = new Map<string, PreparedBody>([
    ['/city/meta.json', { contentType: 'application/json; charset=utf-8', raw: payload.metaJson, gzip: payload.metaJsonGz }],
    ['/city/buildings.bin', { contentType: 'application/octet-stream', raw: payload.buildingsBin, gzip: payload.buildingsBinGz }],
    ['/city/links.bin', { contentType: 'application/octet-stream', raw: payload.linksBin, gzip: payload.linksBinGz }],
  ]);

  const db = openDatabase(options.dataDir);
  const audit = new AuditLog(db);
  const clients = new ClientSet(options.maxBufferedTrafficBytes);
  let built: BridgeModules;
  try {
    built = createBridgeModules({ options, city, source, clients, db, audit, log }, { cityVersion: payload.version, wallLayout });
  } catch (error) {
    db.close();
    throw error;
  }
  const { all: modules, alerts } = built;
  const bus = new EventBus<LiveEvents>(LIVE_EVENT_KINDS, log);
  for (const module of modules) if (module.events) bus.subscribe(module.events);
  const commands = createCommandRouter({ modules, audit });
  const queries = createQueryRouter(modules);

  const hub = new WsHub({
    tokens: options.tokens,
    clients,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    handshakeTimeoutMs: options.handshakeTimeoutMs,
    onClientReady: (session) => {
      for (const module of modules) module.onClientReady?.(session);
    },
    onClientClosed: (session) => {
      for (const module of modules) module.onClientClosed?.(session);
    },
    command: commands,
    query: queries,
    log,
    welcome: (role, sessionId) => ({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role,
      city: { id: meta.id, name: meta.name, version: payload.version },
      source: source.name,
      serverTime: Date.now(),
      heartbeatIntervalMs: options.heartbeatIntervalMs,
      sessionId,
    }),
  });

  const handler = createHttpHandler({
    rendererDir: options.rendererDir,
    bodies,
    etag: payload.version,
    routes: modules.flatMap((module) => module.routes ?? []),
    tilesDir: options.tilesetDir,
    log,
    health: () => ({
      status: 'ok',
      protocol: PROTOCOL_VERSION,
      source: source.name,
      city: { id: meta.id, version: payload.version },
      ...Object.fromEntries(modules.flatMap((module) => (module.health ? [[module.name, module.health()]] : []))),
      uptimeS: Math.round((Date.now() - startedAt) / 1000),
      clients: {
        ready: clients.readyCount,
        connected: clients.connectionCount,
        closed: clients.closedSessions,
        bufferedBytes: clients.bufferedBytes,
      },
    }),
  });
  const server = tls ? createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, handler) : createServer(handler);
  server.on('clientError', (_error, socket) => socket.destroy());
  hub.attach(server);
  const closeModulesAndStore = async (): Promise<void> => {
    for (const module of modules) await module.close?.();
    db.close();
  };

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await hub.close();
    await closeModulesAndStore();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info(`listening on ${origin} (${meta.name.en}, city ${payload.version}, source ${source.name})`);
  source.start(bus.sink);

  return {
    port,
    origin,
    clients,
    alerts: alerts.service,
    close: async () => {
      source.stop();
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await closeModulesAndStore();
    },
  };
}
