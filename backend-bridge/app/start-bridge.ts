/**
 * Starts the bridge: one HTTP server for the renderer and the static city
 * data, with the WebSocket hub on the same port; https and wss when given a
 * certificate.
 */
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { encodeCityPayload } from '../city/city-payload';
import { PROTOCOL_VERSION } from '../protocol';
import type { AlertService } from '../alerts/alert-service';
import { AlertStack } from '../alerts/alert-stack';
import type { BridgeModule } from '../core/bridge-module';
import { createBridgeModules } from './bridge-modules';
import type { BridgeOptions } from '../core/bridge-options';
import { createCommandHandler } from '../core/command-router';
import { type PreparedBody, createHttpHandler } from '../server/http-handler';
import { LiveState } from '../traffic/live-state';
import { createLogger } from '../core/log';
import { createQueryHandler } from '../core/query-router';
import { fanOutSink } from '../core/event-bus';
import { loadWallLayout, wallLayoutRoute } from '../wall/wall-layout-endpoint';
import { WsHub } from '../server/ws-hub';

/** A certificate chain and its private key, PEM text (the files' contents, not their paths). */
export interface BridgeTls {
  certPem: string;
  keyPem: string;
}

export interface RunningBridge {
  port: number;
  /** `http://host:port` (`https://` with TLS), with loopback spelled 127.0.0.1. */
  origin: string;
  hub: WsHub;
  /** The alert stream: raise, act, and what was stored. */
  alerts: AlertService;
  close(): Promise<void>;
}

/** @param tls serve https and wss with this certificate; absent serves http and ws */
export async function startBridge(options: BridgeOptions, tls?: BridgeTls): Promise<RunningBridge> {
  const log = createLogger('bridge');
  // First, so a bad layout file stops the start before anything listens.
  const wallLayout = loadWallLayout(options.wallLayoutFile);
  const startedAt = Date.now();
  const payload = encodeCityPayload(options.city);
  const { meta } = options.city;
  const bodies = new Map<string, PreparedBody>([
    ['/city/meta.json', { contentType: 'application/json; charset=utf-8', raw: payload.metaJson, gzip: payload.metaJsonGz }],
    ['/city/buildings.bin', { contentType: 'application/octet-stream', raw: payload.buildingsBin, gzip: payload.buildingsBinGz }],
    ['/city/links.bin', { contentType: 'application/octet-stream', raw: payload.linksBin, gzip: payload.linksBinGz }],
  ]);

  const { source } = options;
  // The hub is built next; the alert stack reads its sessions only when it sends.
  const alerts = new AlertStack(options, options.city, () => hub.readySessions(), log);
  // Modules are built once the hub exists; the hub reaches them only through these callbacks.
  let modules: BridgeModule[] = [];
  const hub: WsHub = new WsHub({
    tokens: options.tokens,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    handshakeTimeoutMs: options.handshakeTimeoutMs,
    maxBufferedTrafficBytes: options.maxBufferedTrafficBytes,
    onClientReady: (session) => {
      live.sendSnapshot(session);
      alerts.fanout.catchUp(session, session.resume);
      for (const module of modules) module.onClientReady?.(session);
    },
    onClientClosed: (session) => {
      for (const module of modules) module.onClientClosed?.(session);
    },
    command: (command, session) => commands(command, session),
    query: (query, session) => queries(query, session),
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

  modules = createBridgeModules({
    options,
    city: options.city,
    source,
    hub,
    db: alerts.db,
    alerts: alerts.service,
    store: alerts.store,
    log,
  });
  const commands = createCommandHandler({ source, alerts: alerts.service, store: alerts.store, modules });
  const queries = createQueryHandler(modules);

  const handler = createHttpHandler({
    rendererDir: options.rendererDir,
    bodies,
    etag: payload.version,
    routes: [alerts.capRoute, wallLayoutRoute(wallLayout)],
    tilesDir: options.tilesetDir,
    log,
    health: () => ({
      status: 'ok',
      protocol: PROTOCOL_VERSION,
      source: source.name,
      city: { id: meta.id, version: payload.version },
      traffic: { framesSent: live.framesSent, lastFrameBytes: live.lastFrameBytes, droppedFrames: hub.droppedTrafficFrames },
      alerts: alerts.health(),
      ...Object.fromEntries(modules.flatMap((module) => (module.health ? [[module.name, module.health()]] : []))),
      uptimeS: Math.round((Date.now() - startedAt) / 1000),
      clients: {
        ready: hub.readyCount,
        connected: hub.connectionCount,
        closed: hub.closedSessions,
        bufferedBytes: hub.bufferedBytes,
      },
    }),
  });
  const server = tls ? createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, handler) : createServer(handler);
  const live = new LiveState(hub);
  server.on('clientError', (_error, socket) => socket.destroy());
  hub.attach(server);

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
    await closeModules(modules);
    alerts.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info(`listening on ${origin} (${meta.name.en}, city ${payload.version}, source ${source.name})`);
  source.start(
    fanOutSink(
      alerts.tap(live),
      modules.flatMap((module) => (module.sink ? [module.sink] : [])),
      log,
    ),
  );

  return {
    port,
    origin,
    hub,
    alerts: alerts.service,
    close: async () => {
      source.stop();
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await closeModules(modules);
      alerts.close();
    },
  };
}

async function closeModules(modules: readonly BridgeModule[]): Promise<void> {
  for (const module of modules) await module.close?.();
}
