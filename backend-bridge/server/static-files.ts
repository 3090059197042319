/**
 * Serves the built renderer (and Cesium's static files inside it) from one
 * directory. Paths are resolved inside the root only; anything that escapes it
 * or names a dotfile is a 404, not an error page that reveals the layout.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { securityHeaders } from './security-headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.ktx2': 'image/ktx2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

/** Vite puts content-hashed files under assets/; they never change for a given name. */
const IMMUTABLE_PREFIX = `${sep}assets${sep}`;

/** Resolves a URL path inside `root`, or null if it escapes the root or touches a dotfile. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.split(/[/\\]/).some((part) => part.startsWith('.'))) return null;
  const absoluteRoot = resolve(root);
  const full = resolve(join(absoluteRoot, relative));
  if (full !== absoluteRoot && !full.startsWith(absoluteRoot + sep)) return null;
  return full;
}

/**
 * Answers a GET/HEAD for a static file. Returns false when there is no such
 * file so the caller can answer 404 in its own format.
 */
export async function serveStatic(
  root: string,
  urlPath: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  let path = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  if (!path) return false;
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) return false;
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const isHtml = type.startsWith('text/html');
  response.writeHead(200, {
    ...securityHeaders(isHtml),
    'Content-Type': type,
    'Content-Length': info.size,
    'Last-Modified': info.mtime.toUTCString(),
    'Cache-Control': path.includes(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return true;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(path);
    stream.on('error', () => {
      response.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(response);
  });
  return true;
}
