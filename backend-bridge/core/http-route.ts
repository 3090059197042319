/**
 * The seam between the bridge's HTTP transport and the features that answer
 * HTTP requests. A feature exports `HttpRoute` entries; the bridge hands them
 * to the server's router, so a feature never imports from `server/` and a new
 * endpoint is one more entry.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Parameters of the route's pattern, e.g. `{ cameraId: 'c7' }` for `/api/video/:cameraId`. */
export type RouteParams = Readonly<Record<string, string | undefined>>;

export type RequestHandler = (request: IncomingMessage, response: ServerResponse, params: RouteParams) => Promise<void> | void;

export interface HttpRoute {
  /** A GET route answers HEAD too. Other methods on its path get 405 with an Allow header. */
  method: 'GET' | 'POST';
  /** An exact path such as `/api/health`, or a find-my-way pattern such as `/api/video/:cameraId`. */
  path: string;
  handler: RequestHandler;
}

/** Answers with a JSON body that no cache keeps. The router adds the security headers. */
export function sendJson(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(text);
}
