/**
 * A focus pushed to the wall (`wall-focus`): the twin flies to it through
 * the selection store, the banner says who pushed what, and when the hold
 * ends the wall goes back to the city and its scene.
 *
 * Created by the Wall view only, so a console in the same browser is never
 * moved by another console's push.
 */
import type { WallFocusMessage } from '@protocol';
import { defineStore } from 'pinia';
import { computed, shallowRef, watch } from 'vue';
import { useAlertsStore } from '../alerts/alerts-store';
import { useConnectionStore } from '../connection/connection-store';
import { useSelectionStore } from '../drill/selection-store';
import { CITY_TARGET } from '../drill/drill-target';
import { drillTargetOf } from './focus-target';

export const useWallFocusStore = defineStore('wall-focus', () => {
  const connection = useConnectionStore();
  const alerts = useAlertsStore();
  const selection = useSelectionStore();
  const focus = shallowRef<WallFocusMessage | null>(null);

  /** Time the focus still holds, ms (bridge clock); null when none holds. */
  const remainingMs = computed(() => {
    const nowMs = connection.bridgeNowMs;
    if (!focus.value || nowMs === null) return null;
    const left = focus.value.holdUntilMs - nowMs;
    return left > 0 ? left : null;
  });
  const holding = computed(() => remainingMs.value !== null);
  /** Where the twin went; null for an alert this screen does not hold (the banner still names it). */
  const target = computed(() => (focus.value ? drillTargetOf(focus.value.target, (id) => alerts.stream.alerts.get(id)) : null));

  connection.onMessage('wall-focus', (message) => {
    // The connection hands a late subscriber the last focus, which may have ended long ago.
    const nowMs = connection.bridgeNowMs;
    if (nowMs !== null && message.holdUntilMs <= nowMs) return;
    focus.value = message;
    if (target.value) selection.select(target.value);
  });

  watch(holding, (now, before) => {
    if (before && !now) {
      focus.value = null;
      selection.select(CITY_TARGET);
    }
  });

  return { focus, remainingMs, holding, target };
});
