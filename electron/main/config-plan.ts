/**
 * The desktop config: which bridge to use, whether this machine drives the
 * video wall, and which other windows to open where. Validation is pure;
 * config.ts reads the file. Every error names the field, e.g.
 * `config.windows[1].route: expected one of console, cockpit, got "wal"`.
 *
 * Example (a 2×3 video wall driven by a remote bridge, plus a console on the
 * operator's own display 6):
 * ```json
 * { "bridge": { "mode": "remote", "url": "https://bridge.ops.local:8443", "token": "…" },
 *   "wall": { "layoutFile": "wall-2x3.json" },
 *   "windows": [ { "display": 6, "route": "console" } ] }
 * ```
 * The wall's windows come from its layout file (one per screen; see
 * backend-bridge/protocol/wall-layout.ts), not from `windows`.
 */
import {
  type Checker,
  ValidationError,
  arrayOf,
  bool,
  describe,
  literal,
  num,
  object,
  oneOf,
  optional,
  str,
} from '../../backend-bridge/protocol/check';
import type { Rect } from '../preload/desktop-api';
import { httpOrigin } from './http-origin';

/** Hash routes of the renderer. */
export type Route = 'console' | 'wall' | 'cockpit';

/** Routes a `windows` entry may open; wall windows come from the wall layout instead. */
export const WINDOW_ROUTES = ['console', 'cockpit'] as const satisfies readonly Route[];
export type WindowRoute = (typeof WINDOW_ROUTES)[number];

export type BridgeConfig =
  /** Start the bridge with the simulated city on this machine (loopback only). */
  | { mode: 'demo' }
  /** Use a bridge elsewhere; `url` is its origin (`https://host:port`), `token` this desktop's session token. */
  | { mode: 'remote'; url: string; token: string };

export interface WindowConfig {
  /**
   * Where the window goes: a display index in reading order (see
   * `DisplayInfo.index`), or a rectangle in screen DIP for setups where one
   * output spans several panels. Default: the primary display.
   */
  display?: number | Rect;
  route: WindowRoute;
  /** Kiosk mode: full screen with no way out through the window manager. Needs a display index. Default false. */
  kiosk?: boolean;
}

export interface WallConfig {
  /**
   * The wall layout file (JSON). A relative path is relative to the config
   * file's folder once config.ts has read it. null: the built-in one-screen
   * layout. In demo mode the bridge is given the same file so browsers see
   * the same layout; a remote bridge must be started with the same file.
   * @default null
   */
  layoutFile: string | null;
}

export interface DesktopConfig {
  bridge: BridgeConfig;
  /** Open the video wall on this machine: one kiosk window per screen of the layout. @default null (no wall) */
  wall: WallConfig | null;
  /** Console and cockpit windows. @default one console, or none when `wall` is set */
  windows: WindowConfig[];
}

/** With no config at all: the offline demo, one console on the primary display. */
export const DEFAULT_DESKTOP_CONFIG: DesktopConfig = {
  bridge: { mode: 'demo' },
  wall: null,
  windows: [{ route: 'console' }],
};

/** Largest display index a config may name; a wall of 8×8 panels is already far beyond real ones. */
export const MAX_DISPLAY_INDEX = 63;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const demoBridge = object({ mode: literal('demo') });
const remoteBridge = object({
  mode: literal('remote'),
  url: httpOrigin,
  token: str({ minLength: 1, maxLength: 256 }),
});

const bridge: Checker<BridgeConfig> = (value, path) => {
  if (!isRecord(value)) throw new ValidationError(path, `expected an object, got ${describe(value)}`);
  if (value.mode === 'demo') return demoBridge(value, path);
  if (value.mode === 'remote') return remoteBridge(value, path);
  throw new ValidationError(`${path}.mode`, `expected "demo" or "remote", got ${describe(value.mode)}`);
};

const displayIndex = num({ integer: true, min: 0, max: MAX_DISPLAY_INDEX });
const rect = object({
  x: num({ integer: true }),
  y: num({ integer: true }),
  width: num({ integer: true, min: 1 }),
  height: num({ integer: true, min: 1 }),
});

const display: Checker<number | Rect> = (value, path) => {
  if (typeof value === 'number') return displayIndex(value, path);
  if (isRecord(value)) return rect(value, path);
  throw new ValidationError(
    path,
    `expected a display index or a rectangle {x, y, width, height}, got ${describe(value)}`,
  );
};

const route: Checker<WindowRoute> = (value, path) => {
  if (value === 'wall') {
    throw new ValidationError(path, 'wall windows come from the wall layout: set "wall": { "layoutFile": "…" } (or "wall": {} for the built-in layout) instead');
  }
  return oneOf(WINDOW_ROUTES)(value, path);
};

const windowEntry = object({
  display: optional(display),
  route,
  kiosk: optional(bool),
});

const windowChecker: Checker<WindowConfig> = (value, path) => {
  const entry = windowEntry(value, path);
  // Kiosk goes full screen on whichever display holds the window; a rectangle names no display.
  if (entry.kiosk && typeof entry.display === 'object') {
    throw new ValidationError(`${path}.kiosk`, 'needs a display index; a window placed by rectangle cannot be kiosk');
  }
  return entry;
};

const windowList: Checker<WindowConfig[]> = (value, path) => {
  const windows = arrayOf(windowChecker, { maxLength: MAX_DISPLAY_INDEX + 1 })(value, path);
  if (windows.length === 0) throw new ValidationError(path, 'must list at least one window');
  return windows;
};

const wallEntry = object({ layoutFile: optional(str({ minLength: 1, maxLength: 4096 })) });

const desktopConfig = object({ bridge: optional(bridge), wall: optional(wallEntry), windows: optional(windowList) });

/**
 * Checks a parsed config file. A field left out takes its value from
 * `DEFAULT_DESKTOP_CONFIG` (demo bridge, no wall, one console window), except
 * that a wall machine opens no console unless `windows` asks for one. Throws
 * a `ValidationError` naming the offending field.
 */
export function parseDesktopConfig(value: unknown): DesktopConfig {
  const config = desktopConfig(value, 'config');
  const wall = config.wall ? { layoutFile: config.wall.layoutFile ?? null } : null;
  return {
    bridge: config.bridge ?? DEFAULT_DESKTOP_CONFIG.bridge,
    wall,
    windows: config.windows ?? (wall ? [] : DEFAULT_DESKTOP_CONFIG.windows),
  };
}

/** The config file to read: `--config` wins over the CITYBRAIN_CONFIG variable; none means the default config. */
export function desktopConfigPath(
  configFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  return configFile ?? (env.CITYBRAIN_CONFIG || undefined);
}
