/**
 * The bridge's HTTP surface, one port with the WebSocket:
 *   GET /city/*        static city data, gzip when the client accepts it, ETag = city version
 *   GET /city/tiles/*  the city's 3D Tiles tileset directory, when it has one
 *   GET /api/health    liveness and a few counters, for the on-call engineer and load balancers
 *   POST routes        e.g. /api/alerts/cap (CAP ingest), each with its own handler
 *   GET routes         e.g. /api/wall-layout, each with its own handler
 *   GET anything else  the built renderer (index.html, assets, Cesium files)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TILESET_URL_PREFIX } from '../protocol';
import { securityHeaders } from './security-headers';
import { serveStatic } from './static-files';

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
  /** Handlers of POST requests by exact URL path; other methods on these paths get 405. */
  posts: ReadonlyMap<string, RequestHandler>;
  /** Handlers of GET (and HEAD) requests by exact URL path, for API routes computed per request. */
  gets: ReadonlyMap<string, RequestHandler>;
  /** The city's 3D Tiles directory, served under TILESET_URL_PREFIX; null for none. */
  tilesDir: string | null;
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function sendJson(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders(false),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(text);
}

const acceptsGzip = (request: IncomingMessage) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

function sendPrepared(request: IncomingMessage, response: ServerResponse, body: PreparedBody, etag: string) {
  const quotedEtag = `"${etag}"`;
  if (request.headers['if-none-match'] === quotedEtag) {
    response.writeHead(304, { ETag: quotedEtag, ...securityHeaders(false) });
    response.end();
    return;
  }
  const gzip = acceptsGzip(request);
  const payload = gzip ? body.gzip : body.raw;
  response.writeHead(200, {
    ...securityHeaders(false),
    'Content-Type': body.contentType,
    'Content-Length': payload.length,
    ETag: quotedEtag,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...(gzip && { 'Content-Encoding': 'gzip' }),
  });
  response.end(request.method === 'HEAD' ? undefined : payload);
}

export function createHttpHandler(options: HttpHandlerOptions) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://bridge.invalid');
    const path = url.pathname;
    const post = options.posts.get(path);
    if (post && request.method === 'POST') {
      await post(request, response);
      return;
    }
    if (post) {
      sendJson(response, 405, { error: `method ${request.method} is not allowed on ${path}` }, { Allow: 'POST' });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { error: `method ${request.method} is not allowed on ${path}` }, { Allow: 'GET, HEAD' });
      return;
    }
    const prepared = options.bodies.get(path);
    if (prepared) {
      sendPrepared(request, response, prepared, options.etag);
      return;
    }
    const get = options.gets.get(path);
    if (get) {
      await get(request, response);
      return;
    }
    if (path === '/api/health') {
      sendJson(response, 200, options.health());
      return;
    }
    if (options.tilesDir && path.startsWith(TILESET_URL_PREFIX)) {
      if (await serveStatic(options.tilesDir, path.slice(TILESET_URL_PREFIX.length - 1), request, response)) return;
    }
    if (path.startsWith('/api/') || path.startsWith('/city/')) {
      sendJson(response, 404, { error: `no such resource: ${path}` });
      return;
    }
    if (options.rendererDir && (await serveStatic(options.rendererDir, path, request, response))) return;
    sendJson(response, 404, {
      error: options.rendererDir ? `no such file: ${path}` : 'this bridge serves no renderer (started without one)',
    });
  };
}
