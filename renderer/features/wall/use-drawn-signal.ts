/**
 * Tells when every 3D map inside an element has drawn a frame of the city:
 * the moment a soft refresh may swap the new screen in front of the old.
 * Watches the maps' own `data-state` and `data-frame` attributes, so it costs
 * nothing per frame once done.
 */
import { onBeforeUnmount, onMounted, type Ref } from 'vue';

const MAP_SELECTOR = '[data-testid="city-map"]';

export function useDrawnSignal(root: Readonly<Ref<HTMLElement | null>>, onDrawn: () => void): void {
  let observer: MutationObserver | undefined;
  const check = (): boolean => {
    const maps = [...(root.value?.querySelectorAll<HTMLElement>(MAP_SELECTOR) ?? [])];
    return maps.every((map) => map.dataset.state === 'drawn' && Number(map.dataset.frame ?? 0) > 0);
  };
  onMounted(() => {
    if (check()) {
      onDrawn();
      return;
    }
    observer = new MutationObserver(() => {
      if (!check()) return;
      observer?.disconnect();
      onDrawn();
    });
    observer.observe(root.value!, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-frame'] });
  });
  onBeforeUnmount(() => observer?.disconnect());
}
