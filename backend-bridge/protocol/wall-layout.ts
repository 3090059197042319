/**
 * The video wall's layout file (JSON), shared by Electron main (which opens
 * one window per screen), the bridge (which serves it to browsers) and the
 * renderer (which lays out each screen's panels and runs the playlist).
 *
 * Grid positions are zero-based: a panel at `column: 0, row: 0` fills the top
 * left cell, so in CSS grid terms it starts at line `column + 1`.
 *
 * `checkWallLayout` returns the layout with every default filled in, and that
 * result is itself a valid layout file, so the bridge can serve it as is.
 */
import { ValidationError, arrayOf, describe, num, object, oneOf, optional, str } from './check';
import type { Checker } from './check';
import { nextDailyTimeMs } from '../../common/time/daily-time';

export const WALL_LAYOUT_VERSION = 1;

/** What a panel shows. `traffic` is the traffic map alone (no 3D buildings); `header` is the clock and title bar. */
export const WALL_PANEL_KINDS = ['twin', 'traffic', 'alerts', 'kpis', 'district-ranking', 'signal-status', 'header'] as const;
export type WallPanelKind = (typeof WALL_PANEL_KINDS)[number];

/** How long a selection pushed from the console stays on the wall before it returns to its scene, s. */
export const DEFAULT_PUSH_HOLD_S = 120;

/** Default local time of the nightly soft refresh, "HH:MM". */
export const DEFAULT_SOFT_REFRESH_AT = '03:30';

/** Most cells along one side of a screen's grid; more would make panels too small to read from 5 m. */
export const MAX_GRID_CELLS = 24;

const id = str({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_.:-]+$/ });
const cell = num({ integer: true, min: 0, max: MAX_GRID_CELLS - 1 });
const span = num({ integer: true, min: 1, max: MAX_GRID_CELLS });
const gridSide = num({ integer: true, min: 1, max: MAX_GRID_CELLS });
/** Screen coordinates in the desktop's virtual space, device-independent pixels (may be negative left of or above the primary display). */
const desktopPx = num({ integer: true, min: -100_000, max: 100_000 });
const sizePx = num({ integer: true, min: 1, max: 100_000 });

const boundsChecker = object({ x: desktopPx, y: desktopPx, width: sizePx, height: sizePx });
/** A rectangle of the desktop, device-independent pixels. */
export type WallBounds = ReturnType<typeof boundsChecker>;

/**
 * Which display a screen goes on: `index` counts displays in reading order
 * (top row first, left to right; 0 is the top left one), `bounds` names the
 * rectangle of the display, for walls whose order is not obvious.
 */
export type WallDisplayRef = { index: number } | { bounds: WallBounds };

const displayRefChecker: Checker<WallDisplayRef> = (value, path) => {
  const ref = object({ index: optional(num({ integer: true, min: 0, max: 63 })), bounds: optional(boundsChecker) })(value, path);
  if (ref.index !== undefined && ref.bounds !== undefined) throw new ValidationError(path, 'give either index or bounds, not both');
  if (ref.index !== undefined) return { index: ref.index };
  if (ref.bounds !== undefined) return { bounds: ref.bounds };
  throw new ValidationError(path, 'needs index (display number in reading order) or bounds ({x, y, width, height})');
};

const gridChecker = object({ columns: gridSide, rows: gridSide });
/** A screen's grid, in cells. */
export type WallGrid = ReturnType<typeof gridChecker>;

/** One panel on a screen's grid; spans default to one cell. */
export interface WallPanel {
  kind: WallPanelKind;
  /** Leftmost cell, zero-based. */
  column: number;
  /** Top cell, zero-based. */
  row: number;
  /** Width in cells. @default 1 */
  columnSpan: number;
  /** Height in cells. @default 1 */
  rowSpan: number;
}

const panelChecker: Checker<WallPanel> = (value, path) => {
  const panel = object({ kind: oneOf(WALL_PANEL_KINDS), column: cell, row: cell, columnSpan: optional(span), rowSpan: optional(span) })(
    value,
    path,
  );
  return { ...panel, columnSpan: panel.columnSpan ?? 1, rowSpan: panel.rowSpan ?? 1 };
};

/** A grid and its panels: a screen's arrangement, or a scene's override of it. */
export interface WallArrangement {
  grid: WallGrid;
  panels: WallPanel[];
}

const arrangementShape = { grid: gridChecker, panels: arrayOf(panelChecker, { maxLength: MAX_GRID_CELLS * MAX_GRID_CELLS }) };

const screenChecker = object({
  id,
  /** Operator-facing label, e.g. "left" or "A2". */
  name: str({ minLength: 1, maxLength: 64 }),
  display: displayRefChecker,
  ...arrangementShape,
});
/** One window of the wall, on one display. */
export type WallScreen = ReturnType<typeof screenChecker>;

const localizedName = object({ zh: str({ minLength: 1, maxLength: 128 }), en: str({ minLength: 1, maxLength: 128 }) });

const waypointChecker = object({
  lonDeg: num({ min: -180, max: 180 }),
  latDeg: num({ min: -90, max: 90 }),
  /** Camera height above the ellipsoid. */
  heightM: num({ min: 1, max: 20_000_000 }),
  /** Compass direction the camera faces, 0 = north, clockwise. */
  headingDeg: num({ min: 0, max: 360 }),
  /** 0 looks at the horizon, −90 straight down. */
  pitchDeg: num({ min: -90, max: 0 }),
  /** How long the camera rests here before flying on. */
  dwellS: num({ min: 0, max: 3600 }),
});
/** A stop of a camera tour. */
export type CameraWaypoint = ReturnType<typeof waypointChecker>;

const screenOverrideChecker = object({ screenId: id, ...arrangementShape });
/** A scene's arrangement for one screen; screens a scene does not name keep their own. */
export type WallScreenOverride = ReturnType<typeof screenOverrideChecker>;

const sceneChecker = object({
  id,
  name: localizedName,
  /** How long the scene shows before the playlist moves on. */
  durationS: num({ min: 5, max: 86_400 }),
  /** Screens whose arrangement changes during this scene. */
  layout: optional(arrayOf(screenOverrideChecker, { maxLength: 64 })),
  /** Camera tour flown by every twin panel during this scene, looping until the scene ends. */
  tour: optional(object({ waypoints: arrayOf(waypointChecker, { maxLength: 100 }) })),
});
/** A named scene of the playlist: a different arrangement, a camera tour, or both. */
export type WallScene = ReturnType<typeof sceneChecker>;

/** The nightly soft refresh: a local wall-clock time, or switched off. */
export type WallSoftRefresh = { at: string } | { disabled: true };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const softRefreshChecker: Checker<WallSoftRefresh> = (value, path) => {
  const refresh = object({ at: optional(str({ pattern: HH_MM })), disabled: optional(literalTrue) })(value, path);
  if (refresh.at !== undefined && refresh.disabled !== undefined) throw new ValidationError(path, 'give either at or disabled, not both');
  if (refresh.at !== undefined) return { at: refresh.at };
  if (refresh.disabled !== undefined) return { disabled: true };
  throw new ValidationError(path, 'needs at ("HH:MM", local time) or disabled: true');
};

function literalTrue(value: unknown, path: string): true {
  if (value !== true) throw new ValidationError(path, `expected true, got ${describe(value)}`);
  return true;
}

const layoutChecker = object({
  version: num({ integer: true }),
  screens: arrayOf(screenChecker, { maxLength: 64 }),
  playlist: optional(object({ scenes: arrayOf(sceneChecker, { maxLength: 100 }) })),
  /** @default DEFAULT_PUSH_HOLD_S */
  pushHoldS: optional(num({ min: 5, max: 86_400 })),
  /** @default { at: DEFAULT_SOFT_REFRESH_AT } */
  softRefresh: optional(softRefreshChecker),
});

/** A checked wall layout with its defaults filled in. */
export type WallLayout = Omit<ReturnType<typeof layoutChecker>, 'pushHoldS' | 'softRefresh'> & {
  /** How long a pushed selection stays before the wall returns to its scene, s. @default 120 */
  pushHoldS: number;
  /** @default { at: "03:30" } */
  softRefresh: WallSoftRefresh;
};

/**
 * Checks a parsed layout: shape, version, unique screen and scene ids, each
 * display used once, panels inside their grid and not overlapping, scene
 * overrides naming existing screens. Throws a `ValidationError` naming the
 * offending field.
 */
export function checkWallLayout(value: unknown, path = 'layout'): WallLayout {
  const layout = layoutChecker(value, path);
  if (layout.version !== WALL_LAYOUT_VERSION) {
    throw new ValidationError(`${path}.version`, `expected ${WALL_LAYOUT_VERSION}, got ${layout.version}`);
  }
  if (layout.screens.length === 0) throw new ValidationError(`${path}.screens`, 'needs at least one screen');
  const screenIds = uniqueIds(layout.screens, `${path}.screens`);
  checkDisplaysUsedOnce(layout.screens, `${path}.screens`);
  layout.screens.forEach((screen, i) => checkArrangement(screen, `${path}.screens[${i}]`));
  const scenes = layout.playlist?.scenes ?? [];
  uniqueIds(scenes, `${path}.playlist.scenes`);
  scenes.forEach((scene, i) => checkScene(scene, screenIds, `${path}.playlist.scenes[${i}]`));
  return {
    ...layout,
    pushHoldS: layout.pushHoldS ?? DEFAULT_PUSH_HOLD_S,
    softRefresh: layout.softRefresh ?? { at: DEFAULT_SOFT_REFRESH_AT },
  };
}

/** Parses the text of a layout file; errors name the file and the field, e.g. `wall.json.screens[0].grid.rows: …`. */
export function parseWallLayout(json: string, fileName: string): WallLayout {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ValidationError(fileName, `is not valid JSON (${(error as Error).message})`);
  }
  return checkWallLayout(value, fileName);
}

/** Minutes after local midnight of the soft refresh, or null when it is disabled. */
export function softRefreshMinuteOfDay(refresh: WallSoftRefresh): number | null {
  if (!('at' in refresh)) return null;
  const [hours = 0, minutes = 0] = refresh.at.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The first instant strictly after `nowMs` (ms since the epoch) at which this
 * machine's clock reads the refresh time, or null when the refresh is
 * disabled. Electron main and a wall in a plain browser both schedule with
 * it; across daylight-saving changes it keeps its local time (see
 * common/time/daily-time.ts).
 */
export function nextSoftRefreshMs(refresh: WallSoftRefresh, nowMs: number): number | null {
  const minuteOfDay = softRefreshMinuteOfDay(refresh);
  return minuteOfDay === null ? null : nextDailyTimeMs(minuteOfDay, nowMs);
}

function checkScene(scene: WallScene, screenIds: Set<string>, path: string): void {
  const overridden = new Set<string>();
  scene.layout?.forEach((override, i) => {
    const overridePath = `${path}.layout[${i}]`;
    if (!screenIds.has(override.screenId)) {
      throw new ValidationError(`${overridePath}.screenId`, `refers to unknown screen ${JSON.stringify(override.screenId)}`);
    }
    if (overridden.has(override.screenId)) {
      throw new ValidationError(`${overridePath}.screenId`, `screen ${JSON.stringify(override.screenId)} is already overridden in this scene`);
    }
    overridden.add(override.screenId);
    checkArrangement(override, overridePath);
  });
  if (scene.tour && scene.tour.waypoints.length === 0) throw new ValidationError(`${path}.tour.waypoints`, 'needs at least one waypoint');
}

function checkArrangement({ grid, panels }: WallArrangement, path: string): void {
  if (panels.length === 0) throw new ValidationError(`${path}.panels`, 'needs at least one panel');
  const owner: (number | undefined)[] = new Array<number | undefined>(grid.columns * grid.rows);
  panels.forEach((panel, i) => {
    const panelPath = `${path}.panels[${i}]`;
    if (panel.column + panel.columnSpan > grid.columns) {
      throw new ValidationError(
        panelPath,
        `${panel.kind} spans columns ${panel.column}–${panel.column + panel.columnSpan - 1} but the grid has columns 0–${grid.columns - 1}`,
      );
    }
    if (panel.row + panel.rowSpan > grid.rows) {
      throw new ValidationError(panelPath, `${panel.kind} spans rows ${panel.row}–${panel.row + panel.rowSpan - 1} but the grid has rows 0–${grid.rows - 1}`);
    }
    for (let row = panel.row; row < panel.row + panel.rowSpan; row += 1) {
      for (let column = panel.column; column < panel.column + panel.columnSpan; column += 1) {
        const other = owner[row * grid.columns + column];
        if (other !== undefined) {
          throw new ValidationError(panelPath, `${panel.kind} overlaps panels[${other}] (${panels[other]?.kind}) at column ${column}, row ${row}`);
        }
        owner[row * grid.columns + column] = i;
      }
    }
  });
}

function checkDisplaysUsedOnce(screens: WallScreen[], path: string): void {
  const byDisplay = new Map<string, string>();
  screens.forEach((screen, i) => {
    const key = JSON.stringify(screen.display);
    const other = byDisplay.get(key);
    if (other !== undefined) throw new ValidationError(`${path}[${i}].display`, `is already used by screen ${JSON.stringify(other)}`);
    byDisplay.set(key, screen.id);
  });
}

function uniqueIds(items: { id: string }[], path: string): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) throw new ValidationError(`${path}[${i}].id`, `duplicate id ${JSON.stringify(item.id)}`);
    ids.add(item.id);
  });
  return ids;
}

/**
 * The layout used when no file is configured: one 4K screen with a header
 * bar, a large twin, KPIs under it and a side column of alerts, district
 * ranking and signal status. At 3840×2160 a cell is 960×180 px, so the twin
 * is 2880×1440 and each side panel is at least 960×540.
 */
export const DEFAULT_WALL_LAYOUT: WallLayout = {
  version: WALL_LAYOUT_VERSION,
  screens: [
    {
      id: 'main',
      name: 'Main',
      display: { index: 0 },
      grid: { columns: 4, rows: 12 },
      panels: [
        { kind: 'header', column: 0, row: 0, columnSpan: 4, rowSpan: 1 },
        { kind: 'twin', column: 0, row: 1, columnSpan: 3, rowSpan: 8 },
        { kind: 'kpis', column: 0, row: 9, columnSpan: 3, rowSpan: 3 },
        { kind: 'alerts', column: 3, row: 1, columnSpan: 1, rowSpan: 5 },
        { kind: 'district-ranking', column: 3, row: 6, columnSpan: 1, rowSpan: 3 },
        { kind: 'signal-status', column: 3, row: 9, columnSpan: 1, rowSpan: 3 },
      ],
    },
  ],
  pushHoldS: DEFAULT_PUSH_HOLD_S,
  softRefresh: { at: DEFAULT_SOFT_REFRESH_AT },
};
