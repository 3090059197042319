/**
 * Puts the alert markers on a city map once the city is drawn: the alerts
 * the queue lists, coloured by severity, louder when escalated. Clicking a
 * marker selects its alert (which opens the drawer); selecting an alert,
 * from the map or the queue, flies the camera there.
 */
import { alertAreaCentre } from '@protocol';
import { onBeforeUnmount, watch } from 'vue';
import { isEscalatedOpen } from '../../features/alerts/alert-filters';
import { useAlertsStore } from '../../features/alerts/alerts-store';
import { SEVERITY_COLORS, colorBytes } from '../../features/alerts/severity-colors';
import { useCityStore } from '../../features/city/city-store';
import type { MarkerLayerHandle, MarkerLayerHost } from '../map-layer';
import { type AlertMarker, AlertMarkers } from './alert-markers';
import { createCityFrame } from './city-frame';

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The alert markers layer (an entry of map-layers.ts). */
export function useAlertMarkers(host: MarkerLayerHost): MarkerLayerHandle {
  const city = useCityStore();
  const alerts = useAlertsStore();
  let markers: AlertMarkers | null = null;

  const wanted = (): AlertMarker[] =>
    alerts.queue.map((alert) => {
      const [xM, yM] = alertAreaCentre(alert.area);
      return { id: alert.id, xM, yM, rgb: colorBytes(SEVERITY_COLORS[alert.severity]), loud: isEscalatedOpen(alert) };
    });

  function draw(): void {
    if (!markers) return;
    markers.set(wanted());
    host.onDrawn(markers.count);
  }

  function remove(): void {
    markers?.destroy();
    markers = null;
  }

  watch(
    () => [host.widget.value, host.drawn.value, host.visible.value, city.meta] as const,
    ([widget, drawn, visible, meta]) => {
      remove();
      if (!widget || !drawn || !visible || !meta) return;
      markers = new AlertMarkers(widget, createCityFrame(meta), {
        still: prefersReducedMotion(),
        onPick: (alertId) => alerts.select(alertId),
      });
      draw();
    },
    { immediate: true },
  );
  watch(() => alerts.queue, draw);
  watch(
    () => alerts.selectedId,
    (alertId) => {
      if (alertId !== null) markers?.flyTo(alertId);
    },
  );
  onBeforeUnmount(remove);
  return { hits: (xPx, yPx) => markers?.pick(xPx, yPx) != null };
}
