/**
 * GET /api/wall-layout: the wall's layout, read and checked once when the
 * bridge starts, so a bad file stops the start with the file and the field
 * named instead of a wall that renders nothing at 3 a.m.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_WALL_LAYOUT, type WallLayout, parseWallLayout } from '../protocol/wall-layout';
import { type HttpRoute, sendJson } from '../core/http-route';

export const WALL_LAYOUT_PATH = '/api/wall-layout';

/** Thrown when the layout file cannot be read or is invalid; the message names the file (and the field). */
export class WallLayoutError extends Error {
  override name = 'WallLayoutError';
}

/** The layout in `file`, with its defaults filled in; the built-in one-screen layout when `file` is null. */
export function loadWallLayout(file: string | null): WallLayout {
  if (file === null) return DEFAULT_WALL_LAYOUT;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WallLayoutError(`cannot read the wall layout ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseWallLayout(text, file);
  } catch (error) {
    throw new WallLayoutError(`invalid wall layout: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Serves the checked layout; it is small and changes only with a restart, so it is sent as JSON each time. */
export function wallLayoutRoute(layout: WallLayout): HttpRoute {
  return { method: 'GET', path: WALL_LAYOUT_PATH, handler: (_request, response) => sendJson(response, 200, layout) };
}
