import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT, type WallLayout, type WallScreen, parseWallLayout } from '../../backend-bridge/protocol/wall-layout';
import { type ScreenDisplay, describeDisplays } from './displays-plan';
import { planWallWindows } from './wall-window-plan';

/** A 4K panel at 100 % scaling in a grid of panels. */
function panel(id: number, column: number, row: number): ScreenDisplay {
  const bounds = { x: column * 3840, y: row * 2160, width: 3840, height: 2160 };
  return { id, bounds, workArea: { ...bounds, height: 2120 }, scaleFactor: 1 };
}

function example(name: string): WallLayout {
  return parseWallLayout(readFileSync(new URL(`../../assets/wall/${name}`, import.meta.url), 'utf8'), name);
}

function screen(id: string, display: WallScreen['display']): WallScreen {
  return { id, name: id.toUpperCase(), display, grid: { columns: 1, rows: 1 }, panels: [{ kind: 'twin', column: 0, row: 0, columnSpan: 1, rowSpan: 1 }] };
}

const layoutOf = (...screens: WallScreen[]): WallLayout => ({ ...DEFAULT_WALL_LAYOUT, screens });

describe('planWallWindows', () => {
  it('puts the default layout full screen on a single display', () => {
    const plan = planWallWindows(describeDisplays([panel(7, 0, 0)], 7), DEFAULT_WALL_LAYOUT);
    expect(plan).toEqual({
      placements: [{ screenId: 'main', screenName: 'Main', bounds: { x: 0, y: 0, width: 3840, height: 2160 }, displayIndex: 0, kiosk: true }],
      errors: [],
    });
  });

  it('places two screens side by side on their displays, whatever order the OS reports them in', () => {
    const displays = describeDisplays([panel(2, 1, 0), panel(1, 0, 0)], 2);
    const plan = planWallWindows(displays, example('two-side-by-side.json'));
    expect(plan.errors).toEqual([]);
    expect(plan.placements.map(({ screenId, bounds, displayIndex }) => [screenId, bounds.x, displayIndex])).toEqual([
      ['left', 0, 0],
      ['right', 3840, 1],
    ]);
  });

  it('covers a 2×3 wall named by bounds with one kiosk window per panel', () => {
    const reported = [panel(15, 2, 1), panel(10, 0, 0), panel(14, 1, 1), panel(12, 2, 0), panel(13, 0, 1), panel(11, 1, 0)];
    const plan = planWallWindows(describeDisplays(reported, 10), example('wall-2x3.json'));
    expect(plan.errors).toEqual([]);
    expect(plan.placements.map(({ screenId, bounds, displayIndex, kiosk }) => [screenId, bounds.x, bounds.y, displayIndex, kiosk])).toEqual([
      ['a1', 0, 0, 0, true],
      ['a2', 3840, 0, 1, true],
      ['a3', 7680, 0, 2, true],
      ['b1', 0, 2160, 3, true],
      ['b2', 3840, 2160, 4, true],
      ['b3', 7680, 2160, 5, true],
    ]);
  });

  it('opens a window at bounds that span several displays, without kiosk', () => {
    const displays = describeDisplays([panel(1, 0, 0), panel(2, 1, 0)], 1);
    const spanning = { x: 0, y: 0, width: 7680, height: 2160 };
    const plan = planWallWindows(displays, layoutOf(screen('span', { bounds: spanning })));
    expect(plan.placements).toEqual([{ screenId: 'span', screenName: 'SPAN', bounds: spanning, displayIndex: null, kiosk: false }]);
    expect(plan.errors).toEqual([]);
  });

  it('shows a screen whose display is missing on a free display, primary first, and says so', () => {
    const displays = describeDisplays([panel(1, 0, 0), panel(2, 1, 0), panel(3, 2, 0)], 3);
    const plan = planWallWindows(displays, layoutOf(screen('a', { index: 0 }), screen('b', { index: 4 })));
    expect(plan.placements[1]).toMatchObject({ screenId: 'b', displayIndex: 2, bounds: { x: 7680 }, kiosk: true });
    expect(plan.errors).toEqual(['screens[1] "b": display 4 is not connected (displays 0–2 are); shown on display 2 instead']);
  });

  it('takes the first free display in reading order when the primary is taken', () => {
    const displays = describeDisplays([panel(1, 0, 0), panel(2, 1, 0), panel(3, 2, 0)], 1);
    const plan = planWallWindows(displays, layoutOf(screen('a', { index: 9 }), screen('b', { index: 0 })));
    expect(plan.placements.map((placement) => [placement.screenId, placement.displayIndex])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
  });

  it('skips a screen whose display is missing when every display already shows one, rather than hide another screen', () => {
    const displays = describeDisplays([panel(1, 0, 0)], 1);
    const plan = planWallWindows(displays, example('two-side-by-side.json'));
    expect(plan.placements.map((placement) => placement.screenId)).toEqual(['left']);
    expect(plan.errors).toEqual([
      'screens[1] "right": display 1 is not connected (only display 0 is); not shown, every connected display already shows a screen',
    ]);
  });

  it('treats bounds that overlap no connected display as a missing display', () => {
    const displays = describeDisplays([panel(1, 0, 0)], 1);
    const plan = planWallWindows(displays, layoutOf(screen('far', { bounds: { x: 50_000, y: 0, width: 3840, height: 2160 } })));
    expect(plan.placements).toMatchObject([{ screenId: 'far', displayIndex: 0, kiosk: true }]);
    expect(plan.errors).toEqual(['screens[0] "far": no connected display overlaps bounds x 50000, y 0, 3840×2160; shown on display 0 instead']);
  });

  it('refuses to plan when no display is connected', () => {
    expect(() => planWallWindows([], DEFAULT_WALL_LAYOUT)).toThrow('no display is connected');
  });
});
