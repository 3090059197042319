import type { Alert } from '@protocol';
import { DEFAULT_WALL_LAYOUT, type WallLayout, type WallScene } from '@protocol/wall-layout';
import { describe, expect, it } from 'vitest';
import { drillTargetOf } from './focus-target';
import { playlistPosition } from './playlist';
import { arrangementFor, gridArea, screenOf } from './screen-arrangement';

const scene = (id: string, durationS: number, patch: Partial<WallScene> = {}): WallScene => ({ id, name: { zh: id, en: id }, durationS, ...patch });

describe('playlistPosition', () => {
  const scenes = [scene('overview', 60), scene('tour', 30)];

  it('plays the scenes in turn on a cycle counted from the epoch, so every screen agrees', () => {
    expect(playlistPosition(scenes, 0, null)).toEqual({ scene: scenes[0], remainingMs: 60_000, pinned: false });
    expect(playlistPosition(scenes, 75_000, null)).toEqual({ scene: scenes[1], remainingMs: 15_000, pinned: false });
    expect(playlistPosition(scenes, 90_000 * 1000 + 1000, null)).toMatchObject({ scene: scenes[0], remainingMs: 59_000 });
  });

  it('holds a pinned scene with no time left shown, and ignores a pin to a scene that is gone', () => {
    expect(playlistPosition(scenes, 0, 'tour')).toEqual({ scene: scenes[1], remainingMs: null, pinned: true });
    expect(playlistPosition(scenes, 0, 'gone')).toMatchObject({ scene: scenes[0], pinned: false });
  });

  it('has no position without scenes', () => {
    expect(playlistPosition([], 0, null)).toBeNull();
  });
});

describe('screen arrangement', () => {
  const layout: WallLayout = {
    ...DEFAULT_WALL_LAYOUT,
    screens: [...DEFAULT_WALL_LAYOUT.screens, { ...DEFAULT_WALL_LAYOUT.screens[0]!, id: 'right', display: { index: 1 } }],
  };

  it('picks the named screen, the first without a name, and names the screens there are for an unknown one', () => {
    expect(screenOf(layout, 'right').id).toBe('right');
    expect(screenOf(layout, null).id).toBe('main');
    expect(() => screenOf(layout, 'left')).toThrow('it has main, right');
  });

  it("uses a scene's override for the screen it names and the screen's own panels elsewhere", () => {
    const override = { screenId: 'right', grid: { columns: 1, rows: 1 }, panels: [{ kind: 'twin' as const, column: 0, row: 0, columnSpan: 1, rowSpan: 1 }] };
    const tour = scene('tour', 30, { layout: [override] });
    expect(arrangementFor(screenOf(layout, 'right'), tour)).toBe(override);
    expect(arrangementFor(screenOf(layout, 'main'), tour).panels).toBe(layout.screens[0]!.panels);
  });

  it('turns zero-based cells into CSS grid lines', () => {
    expect(gridArea({ kind: 'alerts', column: 3, row: 1, columnSpan: 1, rowSpan: 5 })).toBe('2 / 4 / span 5 / span 1');
  });
});

describe('drillTargetOf', () => {
  const alerts = new Map([
    ['cam', { id: 'cam', deviceId: 'dev1', linkId: 'l1', districtId: 'd1' } as Alert],
    ['road', { id: 'road', linkId: 'l1', districtId: 'd1' } as Alert],
    ['area', { id: 'area', districtId: 'd1' } as Alert],
  ]);
  const lookup = (id: string) => alerts.get(id);

  it('takes an alert to the most precise place it names', () => {
    expect(drillTargetOf({ alertId: 'cam' }, lookup)).toEqual({ level: 'device', id: 'dev1' });
    expect(drillTargetOf({ alertId: 'road' }, lookup)).toEqual({ level: 'link', id: 'l1' });
    expect(drillTargetOf({ alertId: 'area' }, lookup)).toEqual({ level: 'district', id: 'd1' });
    expect(drillTargetOf({ alertId: 'unknown' }, lookup)).toBeNull();
  });

  it('passes entity targets through', () => {
    expect(drillTargetOf({ level: 'intersection', id: 'n2' }, lookup)).toEqual({ level: 'intersection', id: 'n2' });
    expect(drillTargetOf({ level: 'city' }, lookup)).toEqual({ level: 'city' });
  });
});
