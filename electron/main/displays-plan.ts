/**
 * Numbers the connected displays the way a desktop config names them.
 * Operating systems enumerate displays in an order that can change between
 * boots, so the index is taken from geometry instead: reading order, by top
 * edge and then by left edge. A 2×3 wall is therefore 0 1 2 on the top row
 * and 3 4 5 below it, whatever order the OS reports.
 */
import type { DisplayInfo, Rect } from '../preload/desktop-api';

/** The part of Electron's `Display` this app uses. */
export interface ScreenDisplay {
  id: number;
  bounds: Rect;
  workArea: Rect;
  scaleFactor: number;
}

export function describeDisplays(displays: readonly ScreenDisplay[], primaryId: number): DisplayInfo[] {
  return [...displays]
    .sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
    .map(({ id, bounds, workArea, scaleFactor }, index) => ({
      index,
      id,
      bounds: { ...bounds },
      workArea: { ...workArea },
      scaleFactor,
      primary: id === primaryId,
    }));
}
