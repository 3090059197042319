/**
 * Where a map label goes on screen, as pure functions: its box from its
 * anchor, its size by camera distance, and whether a panel over the map
 * (the legend, the layer switches) would cover it.
 */

/** A screen rectangle, CSS px from the map's top-left corner. */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of a label centred above its anchor (the label stands on its point, like a sign). */
export function labelBox(anchorXPx: number, anchorYPx: number, widthPx: number, heightPx: number): ScreenBox {
  return { left: anchorXPx - widthPx / 2, right: anchorXPx + widthPx / 2, top: anchorYPx - heightPx, bottom: anchorYPx };
}

export function overlaps(a: ScreenBox, b: ScreenBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether any of `panels` covers part of `box`. */
export function coveredByAny(box: ScreenBox, panels: readonly ScreenBox[]): boolean {
  return panels.some((panel) => overlaps(box, panel));
}

/**
 * A label's scale at a camera distance: `nearScale` at `nearM` and closer,
 * `farScale` at `farM` and beyond, linear between (Cesium's NearFarScalar).
 */
export function scaleByDistance(distanceM: number, nearM: number, nearScale: number, farM: number, farScale: number): number {
  const t = Math.min(1, Math.max(0, (distanceM - nearM) / (farM - nearM)));
  return nearScale + (farScale - nearScale) * t;
}
