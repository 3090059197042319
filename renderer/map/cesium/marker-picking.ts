/** Which marker a click meant: the nearest on screen, within reach. Pure, so it tests without WebGL. */

export interface ScreenMarker {
  id: string;
  /** Where the marker's centre is drawn, CSS px from the canvas's top left; null when off screen or behind the camera. */
  xPx: number | null;
  yPx: number | null;
  /** Distance from the centre that still counts as a hit, CSS px. */
  reachPx: number;
}

/** The id of the marker nearest to the click among those within reach, or null. */
export function pickMarker(markers: Iterable<ScreenMarker>, clickXPx: number, clickYPx: number): string | null {
  let best: string | null = null;
  let bestDistancePx = Number.POSITIVE_INFINITY;
  for (const marker of markers) {
    if (marker.xPx === null || marker.yPx === null) continue;
    const distancePx = Math.hypot(marker.xPx - clickXPx, marker.yPx - clickYPx);
    if (distancePx <= marker.reachPx && distancePx < bestDistancePx) {
      best = marker.id;
      bestDistancePx = distancePx;
    }
  }
  return best;
}
