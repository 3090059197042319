import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PUSH_HOLD_S,
  DEFAULT_WALL_ALERT_ROWS,
  DEFAULT_WALL_SOUND,
  DEFAULT_WALL_LAYOUT,
  checkWallLayout,
  nextSoftRefreshMs,
  parseWallLayout,
  softRefreshMinuteOfDay,
} from './wall-layout';

const EXAMPLES_DIR = join(__dirname, '../../assets/wall');

const screen = (overrides: Record<string, unknown> = {}) => ({
  id: 'main',
  name: 'Main',
  display: { index: 0 },
  grid: { columns: 2, rows: 2 },
  panels: [{ kind: 'twin', column: 0, row: 0, columnSpan: 2, rowSpan: 2 }],
  ...overrides,
});

const layout = (overrides: Record<string, unknown> = {}) => ({ version: 1, screens: [screen()], ...overrides });

const errorOf = (value: unknown): string => {
  try {
    checkWallLayout(value, 'wall.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the layout to be refused');
};

describe('parseWallLayout', () => {
  it.each(readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json')))('parses the example %s', (fileName) => {
    const parsed = parseWallLayout(readFileSync(join(EXAMPLES_DIR, fileName), 'utf8'), fileName);
    expect(parsed.screens.length).toBeGreaterThan(0);
  });

  it('ships one-screen, two side by side and a 2×3 wall as examples', () => {
    const screens = (name: string) => parseWallLayout(readFileSync(join(EXAMPLES_DIR, name), 'utf8'), name).screens.length;
    expect([screens('one-screen.json'), screens('two-side-by-side.json'), screens('wall-2x3.json')]).toEqual([1, 2, 6]);
  });

  it('names the file when the text is not JSON', () => {
    expect(() => parseWallLayout('{"version": 1,', 'my-wall.json')).toThrow(/^my-wall\.json: is not valid JSON/);
  });

  it('names the file and the field when a value is wrong', () => {
    const text = JSON.stringify(layout({ screens: [screen({ grid: { columns: 0, rows: 2 } })] }));
    expect(() => parseWallLayout(text, 'my-wall.json')).toThrow('my-wall.json.screens[0].grid.columns: must be ≥ 1, got 0');
  });
});

describe('checkWallLayout', () => {
  it('fills in spans, push hold and the nightly soft refresh', () => {
    const checked = checkWallLayout(layout({ screens: [screen({ panels: [{ kind: 'alerts', column: 1, row: 1 }] })] }));
    expect(checked.screens[0]?.panels[0]).toEqual({ kind: 'alerts', column: 1, row: 1, columnSpan: 1, rowSpan: 1 });
    expect(checked.pushHoldS).toBe(DEFAULT_PUSH_HOLD_S);
    expect(checked.softRefresh).toEqual({ at: '03:30' });
  });

  it('fills in the wall sound (on, 80 %) and the alert rows when the file leaves them out', () => {
    const checked = checkWallLayout(layout());
    expect(checked.sound).toEqual({ enabled: true, volumePct: 80 });
    expect(checked.sound).toEqual(DEFAULT_WALL_SOUND);
    expect(checked.alertRows).toBe(DEFAULT_WALL_ALERT_ROWS);
    expect(checkWallLayout(layout({ sound: { enabled: false } }))).toMatchObject({ sound: { enabled: false, volumePct: 80 } });
    expect(checkWallLayout(layout({ sound: { volumePct: 35 }, alertRows: 4 }))).toMatchObject({ sound: { enabled: true, volumePct: 35 }, alertRows: 4 });
  });

  it('refuses a wall sound out of range or of the wrong kind, and alert rows that are not a whole number from 1 to 50', () => {
    expect(errorOf(layout({ sound: { volumePct: 120 } }))).toContain('wall.json.sound.volumePct');
    expect(errorOf(layout({ sound: { volumePct: -1 } }))).toContain('wall.json.sound.volumePct');
    expect(errorOf(layout({ sound: { enabled: 'yes' } }))).toContain('wall.json.sound.enabled');
    expect(errorOf(layout({ sound: { muted: true } }))).toContain('wall.json.sound');
    expect(errorOf(layout({ alertRows: 0 }))).toContain('wall.json.alertRows');
    expect(errorOf(layout({ alertRows: 2.5 }))).toContain('wall.json.alertRows');
    expect(errorOf(layout({ alertRows: 51 }))).toContain('wall.json.alertRows');
  });

  it('accepts its own output, so the bridge can serve the checked layout as a file', () => {
    const checked = checkWallLayout(JSON.parse(readFileSync(join(EXAMPLES_DIR, 'two-side-by-side.json'), 'utf8')));
    expect(checkWallLayout(JSON.parse(JSON.stringify(checked)))).toEqual(checked);
  });

  it('accepts its default layout', () => {
    expect(checkWallLayout(JSON.parse(JSON.stringify(DEFAULT_WALL_LAYOUT)))).toEqual(DEFAULT_WALL_LAYOUT);
  });

  it('refuses another version', () => {
    expect(errorOf(layout({ version: 2 }))).toBe('wall.json.version: expected 1, got 2');
  });

  it('refuses a layout without screens', () => {
    expect(errorOf(layout({ screens: [] }))).toBe('wall.json.screens: needs at least one screen');
  });

  it('refuses an unknown panel kind, naming the allowed ones', () => {
    const bad = layout({ screens: [screen({ panels: [{ kind: 'weather', column: 0, row: 0 }] })] });
    expect(errorOf(bad)).toMatch(/^wall\.json\.screens\[0\]\.panels\[0\]\.kind: expected one of twin, traffic, alerts/);
  });

  it('refuses a misspelt field instead of ignoring it', () => {
    const bad = layout({ screens: [screen({ panels: [{ kind: 'twin', column: 0, row: 0, colSpan: 2 }] })] });
    expect(errorOf(bad)).toBe('wall.json.screens[0].panels[0].colSpan: unknown field');
  });

  it('refuses a panel that runs past the right edge of the grid', () => {
    const bad = layout({ screens: [screen({ panels: [{ kind: 'kpis', column: 1, row: 0, columnSpan: 2 }] })] });
    expect(errorOf(bad)).toBe('wall.json.screens[0].panels[0]: kpis spans columns 1–2 but the grid has columns 0–1');
  });

  it('refuses a panel that runs past the bottom of the grid', () => {
    const bad = layout({ screens: [screen({ panels: [{ kind: 'kpis', column: 0, row: 2 }] })] });
    expect(errorOf(bad)).toBe('wall.json.screens[0].panels[0]: kpis spans rows 2–2 but the grid has rows 0–1');
  });

  it('refuses overlapping panels, naming both and the shared cell', () => {
    const panels = [
      { kind: 'twin', column: 0, row: 0, columnSpan: 2 },
      { kind: 'alerts', column: 1, row: 0, rowSpan: 2 },
    ];
    expect(errorOf(layout({ screens: [screen({ panels })] }))).toBe(
      'wall.json.screens[0].panels[1]: alerts overlaps panels[0] (twin) at column 1, row 0',
    );
  });

  it('refuses a screen without panels', () => {
    expect(errorOf(layout({ screens: [screen({ panels: [] })] }))).toBe('wall.json.screens[0].panels: needs at least one panel');
  });

  it('refuses a display given both by index and by bounds', () => {
    const display = { index: 0, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
    expect(errorOf(layout({ screens: [screen({ display })] }))).toBe('wall.json.screens[0].display: give either index or bounds, not both');
  });

  it('refuses a display given by neither index nor bounds', () => {
    expect(errorOf(layout({ screens: [screen({ display: {} })] }))).toMatch(/^wall\.json\.screens\[0\]\.display: needs index/);
  });

  it('refuses two screens with the same id', () => {
    const screens = [screen(), screen({ display: { index: 1 } })];
    expect(errorOf(layout({ screens }))).toBe('wall.json.screens[1].id: duplicate id "main"');
  });

  it('refuses two screens on the same display', () => {
    const screens = [screen(), screen({ id: 'second' })];
    expect(errorOf(layout({ screens }))).toBe('wall.json.screens[1].display: is already used by screen "main"');
  });

  it('refuses a soft refresh time that is not HH:MM', () => {
    expect(errorOf(layout({ softRefresh: { at: '24:00' } }))).toMatch(/^wall\.json\.softRefresh\.at: does not match/);
  });

  it('refuses a soft refresh that is neither a time nor disabled', () => {
    expect(errorOf(layout({ softRefresh: {} }))).toMatch(/^wall\.json\.softRefresh: needs at/);
    expect(errorOf(layout({ softRefresh: { disabled: false } }))).toBe('wall.json.softRefresh.disabled: expected true, got false');
  });

  it('refuses a scene override of a screen that does not exist', () => {
    const arrangement = { grid: { columns: 1, rows: 1 }, panels: [{ kind: 'traffic', column: 0, row: 0 }] };
    const scene = { id: 's', name: { zh: '场景', en: 'Scene' }, durationS: 60, layout: [{ screenId: 'left', ...arrangement }] };
    expect(errorOf(layout({ playlist: { scenes: [scene] } }))).toBe(
      'wall.json.playlist.scenes[0].layout[0].screenId: refers to unknown screen "left"',
    );
  });

  it('checks the panels of a scene override like those of a screen', () => {
    const arrangement = { grid: { columns: 1, rows: 1 }, panels: [{ kind: 'twin', column: 1, row: 0 }] };
    const scene = { id: 's', name: { zh: '场景', en: 'Scene' }, durationS: 60, layout: [{ screenId: 'main', ...arrangement }] };
    expect(errorOf(layout({ playlist: { scenes: [scene] } }))).toMatch(/^wall\.json\.playlist\.scenes\[0\]\.layout\[0\]\.panels\[0\]: twin spans columns/);
  });

  it('refuses a camera tour without waypoints and a waypoint looking up', () => {
    const scene = (waypoints: unknown[]) => ({ id: 's', name: { zh: '巡览', en: 'Tour' }, durationS: 60, tour: { waypoints } });
    expect(errorOf(layout({ playlist: { scenes: [scene([])] } }))).toBe('wall.json.playlist.scenes[0].tour.waypoints: needs at least one waypoint');
    const upward = { lonDeg: 120, latDeg: 30, heightM: 500, headingDeg: 0, pitchDeg: 10, dwellS: 5 };
    expect(errorOf(layout({ playlist: { scenes: [scene([upward])] } }))).toBe(
      'wall.json.playlist.scenes[0].tour.waypoints[0].pitchDeg: must be ≤ 0, got 10',
    );
  });

  it('refuses two scenes with the same id', () => {
    const scene = { id: 's', name: { zh: '场景', en: 'Scene' }, durationS: 60 };
    expect(errorOf(layout({ playlist: { scenes: [scene, scene] } }))).toBe('wall.json.playlist.scenes[1].id: duplicate id "s"');
  });
});

describe('DEFAULT_WALL_LAYOUT', () => {
  it('gives the twin at least half of the screen and every other panel at least 1/16 of it', () => {
    const [main] = DEFAULT_WALL_LAYOUT.screens;
    if (!main) throw new Error('no screen');
    const cells = main.grid.columns * main.grid.rows;
    const share = (kind: string) => {
      const panel = main.panels.find((p) => p.kind === kind);
      return panel ? (panel.columnSpan * panel.rowSpan) / cells : 0;
    };
    expect(share('twin')).toBeGreaterThanOrEqual(0.5);
    for (const kind of ['alerts', 'kpis', 'district-ranking', 'signal-status']) expect(share(kind)).toBeGreaterThanOrEqual(1 / 16);
    expect(share('header')).toBeGreaterThan(0);
  });
});

describe('softRefreshMinuteOfDay', () => {
  it('reads HH:MM as minutes after midnight and disabled as null', () => {
    expect(softRefreshMinuteOfDay({ at: '03:30' })).toBe(210);
    expect(softRefreshMinuteOfDay({ at: '00:00' })).toBe(0);
    expect(softRefreshMinuteOfDay({ at: '23:59' })).toBe(1439);
    expect(softRefreshMinuteOfDay({ disabled: true })).toBeNull();
  });
});

describe('nextSoftRefreshMs', () => {
  it("gives the next time this machine's clock reads the refresh time", () => {
    const noon = new Date(2026, 5, 1, 12, 0).getTime();
    expect(nextSoftRefreshMs({ at: '03:30' }, noon)).toBe(new Date(2026, 5, 2, 3, 30).getTime());
  });

  it('gives null when the soft refresh is disabled', () => {
    expect(nextSoftRefreshMs({ disabled: true }, Date.now())).toBeNull();
  });
});
