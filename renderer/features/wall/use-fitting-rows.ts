/**
 * How many rows of a list fit its box without scrolling: a wall panel never
 * scrolls, and a row cut in half is text clipped. The list is drawn with
 * every candidate row, measured, and trimmed in the same tick, before the
 * browser paints, whenever its rows or its size change.
 */
import { type Ref, type WatchSource, nextTick, onBeforeUnmount, onMounted, ref, watch } from 'vue';

/** Rows of `list` (its element children) that fit inside it; `candidates` is how many it may draw. */
export function useFittingRows(list: Ref<HTMLElement | null>, candidates: Ref<number>, changes: WatchSource): Ref<number> {
  const fitting = ref(candidates.value);
  let measuring = false;

  async function fit(): Promise<void> {
    if (measuring) return;
    measuring = true;
    try {
      fitting.value = candidates.value;
      await nextTick();
      const element = list.value;
      if (!element) return;
      const top = element.getBoundingClientRect().top;
      const heightPx = element.clientHeight;
      const rows = Array.from(element.children);
      // Sub-pixel rounding must not drop a row that fits.
      const firstOut = rows.findIndex((row) => row.getBoundingClientRect().bottom - top > heightPx + 0.5);
      fitting.value = firstOut === -1 ? rows.length : firstOut;
    } finally {
      measuring = false;
    }
  }

  let observer: ResizeObserver | null = null;
  let lastBox = '';
  onMounted(() => {
    void fit();
    if (typeof ResizeObserver === 'undefined' || !list.value) return;
    observer = new ResizeObserver(([entry]) => {
      // Trimming rows does not change the list's box; only a new box size calls for a new fit.
      const box = entry ? `${Math.round(entry.contentRect.width)}×${Math.round(entry.contentRect.height)}` : '';
      if (box === lastBox) return;
      lastBox = box;
      void fit();
    });
    observer.observe(list.value);
  });
  onBeforeUnmount(() => observer?.disconnect());
  watch([changes, candidates], () => void fit(), { flush: 'post' });
  return fitting;
}
