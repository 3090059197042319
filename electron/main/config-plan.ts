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
import * as v from 'valibot';
import { describe, parseAt, plainObject, rule } from '../../backend-bridge/protocol/validation';
import { httpOrigin } from './http-origin';

/** Hash routes of the renderer. */
export type Route = 'console' | 'wall' | 'cockpit';

/** Routes a `windows` entry may open; wall windows come from the wall layout instead. */
export const WINDOW_ROUTES = ['console', 'cockpit'] as const satisfies readonly Route[];
export type WindowRoute = (typeof WINDOW_ROUTES)[number];

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

/** Start the bridge with the simulated city on this machine (loopback only). */
const demoBridge = v.strictObject({ mode: v.literal('demo') });
/** Use a bridge elsewhere; `url` is its origin (`https://host:port`), `token` this desktop's session token. */
const remoteBridge = v.strictObject({
  mode: v.literal('remote'),
  url: httpOrigin,
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
});

const bridge = v.variant('mode', [demoBridge, remoteBridge], (issue) =>
  // A bad mode is reported at `mode` (the issue's path); anything else is not an object.
  issue.path ? `expected "demo" or "remote", got ${describe(issue.input)}` : `expected an object, got ${describe(issue.input)}`,
);

const displayIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DISPLAY_INDEX));
const rect = v.strictObject({
  x: v.pipe(v.number(), v.integer()),
  y: v.pipe(v.number(), v.integer()),
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** A number is a display index, an object a rectangle; anything else is named as neither. */
const display = v.lazy((input) =>
  typeof input === 'number'
    ? displayIndex
    : v.pipe(
        v.custom<unknown>(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
          (issue) => `expected a display index or a rectangle {x, y, width, height}, got ${describe(issue.input)}`,
        ),
        rect,
      ),
);

const route = v.picklist(WINDOW_ROUTES, (issue) =>
  issue.input === 'wall'
    ? 'wall windows come from the wall layout: set "wall": { "layoutFile": "…" } (or "wall": {} for the built-in layout) instead'
    : `expected one of ${WINDOW_ROUTES.join(', ')}, got ${describe(issue.input)}`,
);

const windowEntry = v.pipe(
  plainObject({
    /**
     * Where the window goes: a display index in reading order (see
     * `DisplayInfo.index`), or a rectangle in screen DIP for setups where one
     * output spans several panels. Default: the primary display.
     */
    display: v.optional(display),
    route,
    /** Kiosk mode: full screen with no way out through the window manager. Needs a display index. Default false. */
    kiosk: v.optional(v.boolean()),
  }),
  // Kiosk goes full screen on whichever display holds the window; a rectangle names no display.
  rule((entry) =>
    entry.kiosk && typeof entry.display === 'object'
      ? { path: ['kiosk'], reason: 'needs a display index; a window placed by rectangle cannot be kiosk' }
      : undefined,
  ),
);

export type BridgeConfig = v.InferOutput<typeof bridge>;
export type WindowConfig = v.InferOutput<typeof windowEntry>;

const windowList = v.pipe(
  v.array(windowEntry),
  v.maxLength(MAX_DISPLAY_INDEX + 1),
  v.minLength(1, 'must list at least one window'),
);

const wallEntry = plainObject({ layoutFile: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4096))) });

const desktopConfig = plainObject({ bridge: v.optional(bridge), wall: v.optional(wallEntry), windows: v.optional(windowList) });

/**
 * Checks a parsed config file. A field left out takes its value from
 * `DEFAULT_DESKTOP_CONFIG` (demo bridge, no wall, one console window), except
 * that a wall machine opens no console unless `windows` asks for one. Throws
 * a `ValidationError` naming the offending field.
 */
export function parseDesktopConfig(value: unknown): DesktopConfig {
  const config = parseAt(desktopConfig, value, 'config');
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
