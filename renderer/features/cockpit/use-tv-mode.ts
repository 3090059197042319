/**
 * TV mode from the route (`#/cockpit?tv=1&interval=30`): on or off, and the
 * page showing now. The page follows the clock from the moment TV mode
 * started (tv-cycle.ts), woken by one timer per page change; nothing on the
 * screen or in the data stops it.
 */
import { TV_PAGE_S } from '@protocol/cockpit-settings';
import { computed, onBeforeUnmount, ref, watch } from 'vue';
import { useRoute } from 'vue-router';
import { useCockpitSettingsStore } from './cockpit-settings-store';
import { TV_PAGES, type TvPage, msToNextPage, parseTvQuery, tvPageIndex } from './tv-cycle';

export function useTvMode() {
  const route = useRoute();
  const settings = useCockpitSettingsStore();
  const query = computed(() => parseTvQuery(route.query, TV_PAGE_S));
  const on = computed(() => query.value.on);
  const pageMs = computed(() => (query.value.pageS ?? settings.settings.tvPageS) * 1000);
  const startedAtMs = ref(Date.now());
  const index = ref(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function tick(): void {
    clearTimeout(timer);
    if (!on.value) return;
    const elapsedMs = Date.now() - startedAtMs.value;
    index.value = tvPageIndex(elapsedMs, pageMs.value, TV_PAGES.length);
    timer = setTimeout(tick, msToNextPage(elapsedMs, pageMs.value) + 20);
  }

  watch([on, pageMs], () => {
    startedAtMs.value = Date.now();
    tick();
  }, { immediate: true });
  onBeforeUnmount(() => clearTimeout(timer));

  const page = computed<TvPage>(() => TV_PAGES[index.value] ?? 'overview');
  return { on, page, index, pageCount: TV_PAGES.length, pageMs };
}
