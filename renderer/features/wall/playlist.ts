/**
 * The wall's scene playlist, like a TV channel: scenes follow each other on
 * a fixed cycle counted from the epoch on the bridge's clock, so every
 * screen of a wall (each its own window, maybe its own machine) shows the
 * same scene at the same time without talking to the others.
 */
import type { WallScene } from '@protocol/wall-layout';

export interface PlaylistPosition {
  scene: WallScene;
  /** Time until the next scene, ms; null while the scene is pinned. */
  remainingMs: number | null;
  pinned: boolean;
}

/**
 * The scene showing at `nowMs` (bridge clock, ms since the epoch), or the
 * pinned one. Null when there are no scenes. A pin naming a scene the
 * playlist no longer has is ignored.
 */
export function playlistPosition(scenes: readonly WallScene[], nowMs: number, pinnedId: string | null): PlaylistPosition | null {
  if (scenes.length === 0) return null;
  const pinned = pinnedId === null ? undefined : scenes.find((scene) => scene.id === pinnedId);
  if (pinned) return { scene: pinned, remainingMs: null, pinned: true };
  const cycleMs = scenes.reduce((sum, scene) => sum + scene.durationS * 1000, 0);
  let intoCycleMs = ((nowMs % cycleMs) + cycleMs) % cycleMs;
  for (const scene of scenes) {
    const durationMs = scene.durationS * 1000;
    if (intoCycleMs < durationMs) return { scene, remainingMs: durationMs - intoCycleMs, pinned: false };
    intoCycleMs -= durationMs;
  }
  // Unreachable: intoCycleMs < cycleMs, the sum of the durations.
  return { scene: scenes.at(-1)!, remainingMs: 0, pinned: false };
}
