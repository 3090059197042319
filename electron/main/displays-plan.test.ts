import { describe, expect, it } from 'vitest';
import { describeDisplays, type ScreenDisplay } from './displays-plan';

const panel = (id: number, x: number, y: number): ScreenDisplay => ({
  id,
  bounds: { x, y, width: 1920, height: 1080 },
  workArea: { x, y, width: 1920, height: 1040 },
  scaleFactor: 1,
});

describe('describeDisplays', () => {
  it('numbers displays in reading order whatever order the OS reports', () => {
    const reported = [panel(16, 1920, 1080), panel(11, 0, 0), panel(15, 0, 1080), panel(12, 1920, 0)];
    expect(describeDisplays(reported, 11).map((d) => [d.index, d.id, d.primary])).toEqual([
      [0, 11, true],
      [1, 12, false],
      [2, 15, false],
      [3, 16, false],
    ]);
  });

  it('counts a display left of the primary (negative x) first in its row', () => {
    const infos = describeDisplays([panel(1, 0, 0), panel(2, -1920, 0)], 1);
    expect(infos.map((d) => d.id)).toEqual([2, 1]);
  });
});
