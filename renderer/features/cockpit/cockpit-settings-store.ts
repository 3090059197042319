/**
 * The cockpit's targets and TV page time as the bridge serves them
 * (GET /api/cockpit-settings), checked with the bridge's own schema. Until
 * they arrive, or when the bridge cannot say, the documented defaults hold
 * and `problem` says why.
 */
import { COCKPIT_SETTINGS_PATH, type CockpitSettings, DEFAULT_COCKPIT_SETTINGS, checkCockpitSettings } from '@protocol/cockpit-settings';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';

export async function fetchCockpitSettings(signal?: AbortSignal): Promise<CockpitSettings> {
  const response = await fetch(COCKPIT_SETTINGS_PATH, signal ? { signal } : {});
  if (!response.ok) throw new Error(`GET ${COCKPIT_SETTINGS_PATH}: HTTP ${response.status}`);
  return checkCockpitSettings(await response.json(), `GET ${COCKPIT_SETTINGS_PATH}`);
}

export const useCockpitSettingsStore = defineStore('cockpit-settings', () => {
  const settings = shallowRef<CockpitSettings>(DEFAULT_COCKPIT_SETTINGS);
  /** Whether the settings are the bridge's (true) or still the defaults. */
  const loaded = ref(false);
  const problem = ref<string | null>(null);
  let loading: Promise<void> | null = null;

  /** Loads once per page; later calls wait for the same request. */
  function load(): Promise<void> {
    loading ??= fetchCockpitSettings()
      .then((served) => {
        settings.value = served;
        loaded.value = true;
        problem.value = null;
      })
      .catch((error: unknown) => {
        problem.value = error instanceof Error ? error.message : String(error);
        loading = null;
      });
    return loading;
  }

  return { settings, loaded, problem, load };
});
