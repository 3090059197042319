/**
 * Static files, served by sirv: the built renderer (and Cesium's files inside
 * it) and a city's 3D Tiles directory.
 *
 * sirv runs in its `dev` mode, which looks at the disk on every request rather
 * than listing the directory once at start: a renderer rebuilt while the
 * bridge runs is served whole, and a tileset of many thousands of tiles is not
 * listed up front. That mode also serves dotfiles, so the few lines here refuse
 * them, and every `..`, before sirv sees the path: anything that would escape
 * the root or names a dotfile is a 404, not an error page that reveals the layout.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import sirv from 'sirv';
import { CONTENT_SECURITY_POLICY } from './security-headers';

export interface StaticFilesOptions {
  /**
   * URL prefix of files that never change for a given name, e.g. Vite's
   * content-hashed `/assets/`; they may be cached for a year. Everything else
   * is revalidated. Null for none.
   */
  immutablePrefix: string | null;
}

/** Answers a GET or HEAD from the root, or calls `notFound` so the caller answers 404 in its own format. */
export type StaticFiles = (request: IncomingMessage, response: ServerResponse, notFound: () => void) => void;

/** True for a URL path that has a dotfile or `..` segment, a NUL byte, or does not decode. */
export function isHiddenPath(url: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?', 1)[0]!);
  } catch {
    return true;
  }
  return path.includes('\0') || path.split(/[/\\]/).some((segment) => segment.startsWith('.'));
}

/**
 * An HTML page: sirv answers a path without an extension (`/`, `/wall/`) with
 * its index.html or its .html file, and the page carries the Content-Security-Policy.
 */
function isPage(pathname: string): boolean {
  const extension = extname(pathname).toLowerCase();
  return extension === '' || extension === '.html' || extension === '.htm';
}

export function staticFiles(root: string, { immutablePrefix }: StaticFilesOptions): StaticFiles {
  const serve = sirv(root, {
    dev: true,
    setHeaders: (response, pathname) => {
      const immutable = immutablePrefix !== null && pathname.startsWith(immutablePrefix);
      response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (isPage(pathname)) response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    },
  });
  return (request, response, notFound) => {
    if (isHiddenPath(request.url ?? '/')) notFound();
    else serve(request, response, notFound);
  };
}
