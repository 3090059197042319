/**
 * Keeps the drill-down on the opened alert: opening one (from the queue or
 * its map marker) selects its place (alert-place.ts), so the breadcrumb and
 * the figures beside the map show where the map flies. The alert markers fly
 * the camera to the alert itself; this selection asks the map not to fly.
 */
import { watch } from 'vue';
import { useSelectionStore } from '../drill/selection-store';
import { alertDrillTarget } from './alert-place';
import { useAlertsStore } from './alerts-store';

export function useAlertFollow(): void {
  const alerts = useAlertsStore();
  const selection = useSelectionStore();

  // The id, not the alert: a status change of the open alert must not pull the operator back.
  watch(
    () => [alerts.selectedId, selection.lookup] as const,
    ([alertId, lookup], previous) => {
      const alert = alerts.selected;
      if (alertId === null || !alert || !lookup) return;
      if (previous && previous[0] === alertId && previous[1] !== null) return;
      selection.select(alertDrillTarget(lookup, alert), { fly: false });
    },
  );
}
