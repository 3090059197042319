/**
 * Which map layers are shown. Plain serialisable flags (kepler.gl's habit):
 * the map rebuilds its view from them, and they persist per browser so a
 * wall screen comes back the way it was set up.
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

/** Cesium's city layers, then deck.gl's traffic layers (congestion heatmap, animated road flow). */
export const MAP_LAYERS = ['buildings', 'roads', 'districts', 'heatmap', 'flow'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];
export type LayerVisibility = Record<MapLayer, boolean>;

const STORAGE_KEY = 'citybrain.layers';

export function defaultVisibility(): LayerVisibility {
  return Object.fromEntries(MAP_LAYERS.map((layer) => [layer, true])) as LayerVisibility;
}

/** Reads stored flags, keeping defaults for anything missing or malformed. */
export function parseStoredVisibility(text: string | null): LayerVisibility {
  const visibility = defaultVisibility();
  if (!text) return visibility;
  try {
    const stored: unknown = JSON.parse(text);
    if (typeof stored !== 'object' || stored === null) return visibility;
    for (const layer of MAP_LAYERS) {
      const value = (stored as Record<string, unknown>)[layer];
      if (typeof value === 'boolean') visibility[layer] = value;
    }
  } catch {
    // A damaged entry falls back to the defaults; it is rewritten on the next change.
  }
  return visibility;
}

function storage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

export const useLayersStore = defineStore('layers', () => {
  const visible = ref<LayerVisibility>(parseStoredVisibility(storage()?.getItem(STORAGE_KEY) ?? null));
  watch(visible, (value) => storage()?.setItem(STORAGE_KEY, JSON.stringify(value)), { deep: true });

  function toggle(layer: MapLayer): void {
    visible.value[layer] = !visible.value[layer];
  }

  return { visible, toggle };
});
