/**
 * The wall's scheduled soft refresh: bumps `generation` so the view mounts a
 * fresh copy of its screen under the old one and swaps when it has drawn
 * (see WallView). In the desktop app, Electron main schedules it and waits
 * for `done`; in a browser the page keeps its own timer from the layout.
 */
import { type WallSoftRefresh, nextSoftRefreshMs } from '@protocol/wall-layout';
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { CityBrainDesktopApi } from '../../../electron/preload/desktop-api';

/** The longest a browser timer is set for; a due time further out is re-armed when this elapses (setTimeout overflows past ~24.8 days). */
const MAX_TIMER_MS = 6 * 3_600_000;

export interface SoftRefresh {
  /** Bumped at each refresh; key the screen with it. */
  generation: Ref<number>;
  /** Refreshes done since the page loaded. */
  count: Ref<number>;
  /** Call once the newest generation has drawn. */
  done(): void;
}

export function useSoftRefresh(schedule: () => WallSoftRefresh | null): SoftRefresh {
  const generation = ref(0);
  const count = ref(0);
  let finish: (() => void) | null = null;
  const desktop = (window as { cityBrainDesktop?: Partial<CityBrainDesktopApi> }).cityBrainDesktop;

  const refresh = (): Promise<void> => {
    generation.value++;
    return new Promise((resolve) => {
      finish = resolve;
    });
  };
  const done = (): void => {
    if (!finish) return;
    count.value++;
    finish();
    finish = null;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  if (desktop?.onSoftRefresh) {
    unsubscribe = desktop.onSoftRefresh(refresh);
  } else {
    const arm = (): void => {
      clearTimeout(timer);
      const refreshAt = schedule();
      const dueMs = refreshAt ? nextSoftRefreshMs(refreshAt, Date.now()) : null;
      if (dueMs === null) return;
      const waitMs = dueMs - Date.now();
      timer = setTimeout(() => {
        if (waitMs <= MAX_TIMER_MS) void refresh();
        arm();
      }, Math.min(waitMs, MAX_TIMER_MS));
    };
    watch(schedule, arm, { immediate: true, deep: true });
  }

  onBeforeUnmount(() => {
    clearTimeout(timer);
    unsubscribe?.();
  });
  return { generation, count, done };
}
