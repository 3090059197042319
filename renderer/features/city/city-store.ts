/**
 * The static city: metadata, buildings and link shapes, loaded once per city
 * version. Big typed arrays are kept in shallow refs and never made reactive.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { type Buildings, type CityMeta, type CitySummary, DEFAULT_CITY_TIME_ZONE, type LinkShapes, summarizeCity } from '@protocol';
import { type CityLoadStep, fetchCity } from './city-api';

export type CityStatus = 'idle' | 'loading' | 'ready' | 'error';

export const useCityStore = defineStore('city', () => {
  const status = ref<CityStatus>('idle');
  const error = ref<string | null>(null);
  const version = ref<string | null>(null);
  const meta = shallowRef<CityMeta | null>(null);
  const buildings = shallowRef<Buildings | null>(null);
  const linkShapes = shallowRef<LinkShapes | null>(null);
  /** Loading progress: the current step and the fraction of steps done (0–1). */
  const progress = ref<{ step: CityLoadStep; fraction: number } | null>(null);
  let inFlight: AbortController | null = null;

  const inventory = computed<CitySummary | null>(() =>
    meta.value && buildings.value ? summarizeCity(meta.value, buildings.value.district) : null,
  );
  /** Per-district counts, in the order of meta.districts; empty until loaded. */
  const summary = computed(() => inventory.value?.districts ?? []);
  /** Whole-city counts; null until loaded. */
  const totals = computed(() => inventory.value?.total ?? null);
  /** The city's IANA time zone (its clock, its days); the default zone until the metadata has loaded. */
  const timeZone = computed(() => meta.value?.timeZone ?? DEFAULT_CITY_TIME_ZONE);

  /** Loads the city for a version unless it is already loaded or loading. */
  async function load(nextVersion: string): Promise<void> {
    if (nextVersion === version.value && status.value !== 'error') return;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    version.value = nextVersion;
    status.value = 'loading';
    error.value = null;
    try {
      const data = await fetchCity(
        nextVersion,
        (step, done, total) => {
          progress.value = { step, fraction: done / total };
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      meta.value = data.meta;
      buildings.value = data.buildings;
      linkShapes.value = data.linkShapes;
      status.value = 'ready';
      progress.value = null;
    } catch (cause) {
      if (controller.signal.aborted) return;
      status.value = 'error';
      error.value = cause instanceof Error ? cause.message : String(cause);
    }
  }

  return { status, error, version, meta, buildings, linkShapes, progress, summary, totals, timeZone, load };
});
