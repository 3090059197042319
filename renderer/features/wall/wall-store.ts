/**
 * The wall's layout and its playlist: which scene shows now (on the bridge's
 * clock, so every screen agrees), how long it has left, and the pin.
 *
 * Anyone at the wall may pin a scene, not only an operator: a pin changes
 * what this screen shows, no data and nothing anyone else sees, and the
 * people standing at the wall are the ones who need it held while they talk
 * it through. It is remembered on the screen, so a reload keeps it.
 */
import type { WallLayout } from '@protocol/wall-layout';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useConnectionStore } from '../connection/connection-store';
import { playlistPosition } from './playlist';
import { fetchWallLayout } from './wall-layout-api';

/** localStorage key of the pinned scene's id. */
export const PINNED_SCENE_KEY = 'citybrain.wall.pinnedScene';

export const useWallStore = defineStore('wall', () => {
  const connection = useConnectionStore();
  const layout = shallowRef<WallLayout | null>(null);
  const error = ref<string | null>(null);
  const pinnedSceneId = ref<string | null>(localStorage.getItem(PINNED_SCENE_KEY));

  /** The playlist's scene now; null without a playlist or before the bridge's clock is known. */
  const position = computed(() => {
    const scenes = layout.value?.playlist?.scenes ?? [];
    const nowMs = connection.bridgeNowMs;
    return nowMs === null ? null : playlistPosition(scenes, nowMs, pinnedSceneId.value);
  });
  const scene = computed(() => position.value?.scene ?? null);

  async function load(): Promise<void> {
    try {
      layout.value = await fetchWallLayout();
      error.value = null;
    } catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause);
    }
  }

  // A screen that came up while the bridge was away (or lost it mid-fetch)
  // shows the failed load; each welcome is a bridge that answers now.
  connection.onWelcome(() => {
    if (error.value !== null) void load();
  });

  /** Pins the scene showing now, or releases the pin. */
  function togglePin(): void {
    const current = position.value;
    if (!current) return;
    pinnedSceneId.value = current.pinned ? null : current.scene.id;
    if (pinnedSceneId.value === null) localStorage.removeItem(PINNED_SCENE_KEY);
    else localStorage.setItem(PINNED_SCENE_KEY, pinnedSceneId.value);
  }

  return { layout, error, pinnedSceneId, position, scene, load, togglePin };
});
