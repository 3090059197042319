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
import * as v from 'valibot';
import { entityId, localized, nonEmptyText } from './fields';
import { ValidationError, parseAt, rule } from './validation';
import { nextDailyTimeMs } from '../../common/time/daily-time';

export const WALL_LAYOUT_VERSION = 1;

/** What a panel shows. `traffic` is the traffic map alone (no 3D buildings); `header` is the clock and title bar. */
export const WALL_PANEL_KINDS = ['twin', 'traffic', 'alerts', 'kpis', 'district-ranking', 'signal-status', 'header'] as const;
export type WallPanelKind = (typeof WALL_PANEL_KINDS)[number];

/** How long a selection pushed from the console stays on the wall before it returns to its scene, s. */
export const DEFAULT_PUSH_HOLD_S = 120;

/** Default local time of the nightly soft refresh, "HH:MM". */
export const DEFAULT_SOFT_REFRESH_AT = '03:30';

/**
 * The wall's alarm sound when the layout file does not set it: on, at 80 %
 * of full scale (a wall across the room needs more than a console at arm's
 * length). The wall itself has no sound control: nobody touches it.
 */
export const DEFAULT_WALL_SOUND = { enabled: true, volumePct: 80 } as const;

/**
 * Most open alerts the wall's alert panel lists when the layout file does
 * not say: the newest (escalated ones first), the rest counted as "and M
 * more". Bounds what a wall left running for weeks keeps drawn, and the
 * panel lists fewer when fewer fit without scrolling.
 */
export const DEFAULT_WALL_ALERT_ROWS = 8;
/** Most rows `alertRows` may ask for. */
export const MAX_WALL_ALERT_ROWS = 50;

/** Most cells along one side of a screen's grid; more would make panels too small to read from 5 m. */
export const MAX_GRID_CELLS = 24;

const id = entityId;
const cell = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_GRID_CELLS - 1));
const span = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_GRID_CELLS));
const gridSide = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_GRID_CELLS));
/** Screen coordinates in the desktop's virtual space, device-independent pixels (may be negative left of or above the primary display). */
const desktopPx = v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000));
const sizePx = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000));

const boundsSchema = v.strictObject({ x: desktopPx, y: desktopPx, width: sizePx, height: sizePx });
/** A rectangle of the desktop, device-independent pixels. */
export type WallBounds = v.InferOutput<typeof boundsSchema>;

/**
 * Which display a screen goes on: `index` counts displays in reading order
 * (top row first, left to right; 0 is the top left one), `bounds` names the
 * rectangle of the display, for walls whose order is not obvious.
 */
export type WallDisplayRef = { index: number } | { bounds: WallBounds };

const displayRefSchema = v.pipe(
  v.strictObject({ index: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(63))), bounds: v.optional(boundsSchema) }),
  rule((ref) => {
    if (ref.index !== undefined && ref.bounds !== undefined) return { reason: 'give either index or bounds, not both' };
    if (ref.index === undefined && ref.bounds === undefined) {
      return { reason: 'needs index (display number in reading order) or bounds ({x, y, width, height})' };
    }
    return undefined;
  }),
  v.transform((ref): WallDisplayRef => (ref.index !== undefined ? { index: ref.index } : { bounds: ref.bounds! })),
);

const gridSchema = v.strictObject({ columns: gridSide, rows: gridSide });
/** A screen's grid, in cells. */
export type WallGrid = v.InferOutput<typeof gridSchema>;

const panelSchema = v.strictObject({
  kind: v.picklist(WALL_PANEL_KINDS),
  /** Leftmost cell, zero-based. */
  column: cell,
  /** Top cell, zero-based. */
  row: cell,
  /** Width in cells. @default 1 */
  columnSpan: v.optional(span, 1),
  /** Height in cells. @default 1 */
  rowSpan: v.optional(span, 1),
});
/** One panel on a screen's grid; spans default to one cell. */
export type WallPanel = v.InferOutput<typeof panelSchema>;

/** A grid and its panels: a screen's arrangement, or a scene's override of it. */
export interface WallArrangement {
  grid: WallGrid;
  panels: WallPanel[];
}

const arrangementShape = { grid: gridSchema, panels: v.pipe(v.array(panelSchema), v.maxLength(MAX_GRID_CELLS * MAX_GRID_CELLS)) };

const screenSchema = v.strictObject({
  id,
  /** Operator-facing label, e.g. "left" or "A2". */
  name: nonEmptyText(64),
  display: displayRefSchema,
  ...arrangementShape,
});
/** One window of the wall, on one display. */
export type WallScreen = v.InferOutput<typeof screenSchema>;

const waypointSchema = v.strictObject({
  lonDeg: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  latDeg: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  /** Camera height above the ellipsoid. */
  heightM: v.pipe(v.number(), v.minValue(1), v.maxValue(20_000_000)),
  /** Compass direction the camera faces, 0 = north, clockwise. */
  headingDeg: v.pipe(v.number(), v.minValue(0), v.maxValue(360)),
  /** 0 looks at the horizon, −90 straight down. */
  pitchDeg: v.pipe(v.number(), v.minValue(-90), v.maxValue(0)),
  /** How long the camera rests here before flying on. */
  dwellS: v.pipe(v.number(), v.minValue(0), v.maxValue(3600)),
});
/** A stop of a camera tour. */
export type CameraWaypoint = v.InferOutput<typeof waypointSchema>;

const screenOverrideSchema = v.strictObject({ screenId: id, ...arrangementShape });
/** A scene's arrangement for one screen; screens a scene does not name keep their own. */
export type WallScreenOverride = v.InferOutput<typeof screenOverrideSchema>;

const sceneSchema = v.strictObject({
  id,
  name: localized(128, { required: true }),
  /** How long the scene shows before the playlist moves on. */
  durationS: v.pipe(v.number(), v.minValue(5), v.maxValue(86_400)),
  /** Screens whose arrangement changes during this scene. */
  layout: v.optional(v.pipe(v.array(screenOverrideSchema), v.maxLength(64))),
  /** Camera tour flown by every twin panel during this scene, looping until the scene ends. */
  tour: v.optional(v.strictObject({ waypoints: v.pipe(v.array(waypointSchema), v.maxLength(100)) })),
});
/** A named scene of the playlist: a different arrangement, a camera tour, or both. */
export type WallScene = v.InferOutput<typeof sceneSchema>;

/** The nightly soft refresh: a local wall-clock time, or switched off. */
export type WallSoftRefresh = { at: string } | { disabled: true };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const softRefreshSchema = v.pipe(
  v.strictObject({ at: v.optional(v.pipe(v.string(), v.maxLength(1024), v.regex(HH_MM))), disabled: v.optional(v.literal(true)) }),
  rule((refresh) => {
    if (refresh.at !== undefined && refresh.disabled !== undefined) return { reason: 'give either at or disabled, not both' };
    if (refresh.at === undefined && refresh.disabled === undefined) return { reason: 'needs at ("HH:MM", local time) or disabled: true' };
    return undefined;
  }),
  v.transform((refresh): WallSoftRefresh => (refresh.at !== undefined ? { at: refresh.at } : { disabled: true })),
);

const soundSchema = v.strictObject({
  /** Whether a new severe alert or an escalation sounds on the wall. @default DEFAULT_WALL_SOUND.enabled */
  enabled: v.optional(v.boolean(), DEFAULT_WALL_SOUND.enabled),
  /** Loudness, percent of full scale, 0–100. @default DEFAULT_WALL_SOUND.volumePct */
  volumePct: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100)), DEFAULT_WALL_SOUND.volumePct),
});
/** The wall's alarm sound, set in the layout file only. */
export type WallSound = v.InferOutput<typeof soundSchema>;

const layoutSchema = v.strictObject({
  version: v.pipe(v.number(), v.integer()),
  screens: v.pipe(v.array(screenSchema), v.maxLength(64)),
  playlist: v.optional(v.strictObject({ scenes: v.pipe(v.array(sceneSchema), v.maxLength(100)) })),
  /** How long a pushed selection stays before the wall returns to its scene, s. @default DEFAULT_PUSH_HOLD_S */
  pushHoldS: v.optional(v.pipe(v.number(), v.minValue(5), v.maxValue(86_400)), DEFAULT_PUSH_HOLD_S),
  /** @default { at: DEFAULT_SOFT_REFRESH_AT } */
  softRefresh: v.optional(softRefreshSchema, { at: DEFAULT_SOFT_REFRESH_AT }),
  /** The alarm sound on every screen of the wall. @default DEFAULT_WALL_SOUND */
  sound: v.optional(soundSchema, { ...DEFAULT_WALL_SOUND }),
  /** Most open alerts the alert panel lists, newest first. @default DEFAULT_WALL_ALERT_ROWS */
  alertRows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_WALL_ALERT_ROWS)), DEFAULT_WALL_ALERT_ROWS),
});

/** A checked wall layout with its defaults filled in. */
export type WallLayout = v.InferOutput<typeof layoutSchema>;

/**
 * Checks a parsed layout: shape, version, unique screen and scene ids, each
 * display used once, panels inside their grid and not overlapping, scene
 * overrides naming existing screens. Throws a `ValidationError` naming the
 * offending field.
 */
export function checkWallLayout(value: unknown, path = 'layout'): WallLayout {
  const layout = parseAt(layoutSchema, value, path);
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
  return layout;
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
  sound: { ...DEFAULT_WALL_SOUND },
  alertRows: DEFAULT_WALL_ALERT_ROWS,
};
