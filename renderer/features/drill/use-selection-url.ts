/**
 * Keeps the selection in the route's query (`select=<level>:<id>`), so a view
 * can be bookmarked, survives a reload and can be handed to another screen.
 * Changes replace the history entry rather than push one: clicking through
 * a dozen places must not make Back a dozen steps to leave the console.
 * A query that cannot be read shows the city with a banner saying why.
 */
import { ValidationError } from '@protocol';
import { watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { formatSelectQuery, parseSelectQuery } from './drill-target';
import { useSelectionStore } from './selection-store';

export function useSelectionUrl(): void {
  const route = useRoute();
  const router = useRouter();
  const selection = useSelectionStore();

  function adoptQuery(value: unknown): void {
    // Our own replace comes back through here; nothing to do then.
    if (value === formatSelectQuery(selection.target) || (value === 'city' && selection.target.level === 'city')) return;
    try {
      selection.select(parseSelectQuery(value));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      selection.refuse({ kind: 'malformed', level: null, id: String(value), reason: error.reason });
    }
  }

  watch(() => route.query.select, adoptQuery, { immediate: true });
  watch(
    () => selection.target,
    (target) => {
      const select = formatSelectQuery(target);
      if (route.query.select === select) return;
      const { select: _previous, ...rest } = route.query;
      void router.replace({ query: { ...rest, ...(select !== undefined && { select }) } });
    },
  );
}
