/**
 * The bridge's HTTP surface, one port with the WebSocket, routed by find-my-way:
 *   GET /city/*        static city data, gzip when the client accepts it, ETag = city version
 *   GET /city/tiles/*  the city's 3D Tiles tileset directory, when it has one
 *   GET /api/health    liveness and a few counters, for the on-call engineer and load balancers
 *   feature routes     e.g. POST /api/alerts/cap, GET /api/wall-layout: `HttpRoute` entries
 *   GET anything else  the built renderer (index.html, assets, Cesium files)
 * A path known for other methods answers 405 with an Allow header; every
 * answer carries the security headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import FindMyWay from 'find-my-way';
import { TILESET_URL_PREFIX } from '../protocol';
import { type HttpRoute, type RequestHandler, sendJson } from '../core/http-route';
import type { Logger } from '../core/log';
import { securityHeaders } from './security-headers';
import { type StaticFiles, staticFiles } from './static-files';

/** A precomputed body served as-is, with its gzip form for clients that accept it. */
export interface PreparedBody {
  contentType: string;
  raw: Buffer;
  gzip: Buffer;
}

export interface HttpHandlerOptions {
  /** Built renderer directory, or null when the bridge serves data only. */
  rendererDir: string | null;
  /** Bodies by exact URL path, e.g. `/city/meta.json`. */
  bodies: ReadonlyMap<string, PreparedBody>;
  /** Strong validator for the bodies: they change only with the city version. */
  etag: string;
  health: () => Record<string, unknown>;
  /** The features' routes, e.g. the CAP ingest and the wall layout. */
  routes: readonly HttpRoute[];
  /** The city's 3D Tiles directory, served under TILESET_URL_PREFIX; null for none. */
  tilesDir: string | null;
  /** Where a handler that fails is reported. */
  log: Logger;
}

/** Set on every response before it is routed; a handler's own headers add to them. */
const SECURITY_HEADERS = Object.entries(securityHeaders(false));

const pathOf = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://bridge.invalid').pathname;

const acceptsGzip = (request: IncomingMessage) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

function sendPrepared(request: IncomingMessage, response: ServerResponse, body: PreparedBody, etag: string): void {
  const quotedEtag = `"${etag}"`;
  if (request.headers['if-none-match'] === quotedEtag) {
    response.writeHead(304, { ETag: quotedEtag });
    response.end();
    return;
  }
  const gzip = acceptsGzip(request);
  const payload = gzip ? body.gzip : body.raw;
  response.writeHead(200, {
    'Content-Type': body.contentType,
    'Content-Length': payload.length,
    ETag: quotedEtag,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...(gzip && { 'Content-Encoding': 'gzip' }),
  });
  response.end(request.method === 'HEAD' ? undefined : payload);
}

/** Serves `/city/tiles/<path>` as `<path>` of the tiles directory. */
function tilesRoute(tiles: StaticFiles, notFound: (response: ServerResponse, path: string) => void): RequestHandler {
  return (request, response) => {
    const url = request.url ?? '/';
    const path = pathOf(request);
    // The router matched the decoded path; a prefix spelled with escapes is not served.
    if (!url.startsWith(TILESET_URL_PREFIX)) return notFound(response, path);
    request.url = url.slice(TILESET_URL_PREFIX.length - 1);
    tiles(request, response, () => notFound(response, path));
  };
}

export function createHttpHandler(options: HttpHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const noSuchResource = (response: ServerResponse, path: string) => sendJson(response, 404, { error: `no such resource: ${path}` });
  const renderer = options.rendererDir === null ? null : staticFiles(options.rendererDir, { immutablePrefix: '/assets/' });

  const routes: HttpRoute[] = [
    ...[...options.bodies].map(([path, body]): HttpRoute => ({
      method: 'GET',
      path,
      handler: (request, response) => sendPrepared(request, response, body, options.etag),
    })),
    { method: 'GET', path: '/api/health', handler: (_request, response) => sendJson(response, 200, options.health()) },
    ...options.routes,
  ];
  if (options.tilesDir !== null) {
    const tiles = staticFiles(options.tilesDir, { immutablePrefix: null });
    routes.push({ method: 'GET', path: `${TILESET_URL_PREFIX}*`, handler: tilesRoute(tiles, noSuchResource) });
  }

  const router = FindMyWay({ defaultRoute: (request, response) => answerUnrouted(request, response) });
  for (const route of routes) {
    router.on(route.method === 'GET' ? ['GET', 'HEAD'] : route.method, route.path, (request, response, params) =>
      run(route.handler, request, response, params),
    );
  }
  const methods = [...new Set(routes.map((route) => route.method))];

  /** A handler that throws answers 500 (or drops a response already under way) instead of taking the bridge down. */
  function run(handler: RequestHandler, request: IncomingMessage, response: ServerResponse, params: Record<string, string | undefined>) {
    const fail = (error: unknown) => {
      options.log.error(`${request.method} ${request.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (response.headersSent) response.destroy();
      else sendJson(response, 500, { error: 'internal error' });
    };
    try {
      void Promise.resolve(handler(request, response, params)).catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  function answerUnrouted(request: IncomingMessage, response: ServerResponse) {
    const path = pathOf(request);
    const routedFor = methods.filter((method) => router.find(method, request.url ?? '/') !== null);
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (routedFor.length > 0 || !isRead) {
      // A path no route names is a file to read, so reading is what it allows.
      const allowed = routedFor.length > 0 ? routedFor : ['GET'];
      const allow = allowed.map((method) => (method === 'GET' ? 'GET, HEAD' : method)).join(', ');
      sendJson(response, 405, { error: `method ${request.method} is not allowed on ${path}` }, { Allow: allow });
    } else if (path.startsWith('/api/') || path.startsWith('/city/')) {
      noSuchResource(response, path);
    } else if (renderer) {
      renderer(request, response, () => sendJson(response, 404, { error: `no such file: ${path}` }));
    } else {
      sendJson(response, 404, { error: 'this bridge serves no renderer (started without one)' });
    }
  }

  return (request, response) => {
    for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value);
    router.lookup(request, response);
  };
}
