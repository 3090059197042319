/**
 * Which map layers are switched on (the switches and their defaults are
 * declared in map-layers.ts). Plain serialisable flags (kepler.gl's habit):
 * the map rebuilds its view from them, and they persist per browser so a
 * wall screen comes back the way it was set up.
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { type LayerVisibility, TOGGLED_LAYERS, type ToggledLayerId } from './map-layers';

const STORAGE_KEY = 'citybrain.layers';

export function defaultVisibility(): LayerVisibility {
  return Object.fromEntries(TOGGLED_LAYERS.map((layer) => [layer.id, layer.toggle.defaultOn])) as LayerVisibility;
}

/** Reads stored flags, keeping defaults for anything missing or malformed. */
export function parseStoredVisibility(text: string | null): LayerVisibility {
  const visibility = defaultVisibility();
  if (!text) return visibility;
  try {
    const stored: unknown = JSON.parse(text);
    if (typeof stored !== 'object' || stored === null) return visibility;
    for (const { id } of TOGGLED_LAYERS) {
      const value = (stored as Record<string, unknown>)[id];
      if (typeof value === 'boolean') visibility[id] = value;
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

  function toggle(layer: ToggledLayerId): void {
    visible.value[layer] = !visible.value[layer];
  }

  return { visible, toggle };
});
