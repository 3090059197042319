/**
 * The desktop config: which bridge to use and which windows to open where.
 * Validation is pure; config.ts reads the file. Every error names the field,
 * e.g. `config.windows[1].route: expected one of console, wall, cockpit, got "wal"`.
 *
 * Example (a 2×3 video wall driven by a remote bridge):
 * ```json
 * { "bridge": { "mode": "remote", "url": "https://bridge.ops.local:8443", "token": "…" },
 *   "windows": [ { "display": 0, "route": "wall", "kiosk": true }, … ] }
 * ```
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
export const ROUTES = ['console', 'wall', 'cockpit'] as const;
export type Route = (typeof ROUTES)[number];

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
  route: Route;
  /** Kiosk mode: full screen with no way out through the window manager. Needs a display index. Default false. */
  kiosk?: boolean;
}

export interface DesktopConfig {
  bridge: BridgeConfig;
  windows: WindowConfig[];
}

/** With no config at all: the offline demo, one console on the primary display. */
export const DEFAULT_DESKTOP_CONFIG: DesktopConfig = {
  bridge: { mode: 'demo' },
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

const windowEntry = object({
  display: optional(display),
  route: oneOf(ROUTES),
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

const desktopConfig = object({ bridge: optional(bridge), windows: optional(windowList) });

/**
 * Checks a parsed config file. A field left out takes its value from
 * `DEFAULT_DESKTOP_CONFIG` (demo bridge, one console window). Throws a
 * `ValidationError` naming the offending field.
 */
export function parseDesktopConfig(value: unknown): DesktopConfig {
  const config = desktopConfig(value, 'config');
  return {
    bridge: config.bridge ?? DEFAULT_DESKTOP_CONFIG.bridge,
    windows: config.windows ?? DEFAULT_DESKTOP_CONFIG.windows,
  };
}

/** The config file to read: `--config` wins over the CITYBRAIN_CONFIG variable; none means the default config. */
export function desktopConfigPath(
  configFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  return configFile ?? (env.CITYBRAIN_CONFIG || undefined);
}
