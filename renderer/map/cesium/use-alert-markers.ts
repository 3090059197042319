/**
 * Puts the alert markers on a city map once the city is drawn: the alerts
 * the queue lists, coloured by severity, louder when escalated. Clicking a
 * marker selects its alert (which opens the drawer); selecting an alert,
 * from the map or the queue, flies the camera there.
 */
import { alertAreaCentre } from '@protocol';
import type { CesiumWidget } from 'cesium';
import { type Ref, onBeforeUnmount, watch } from 'vue';
import { isEscalatedOpen } from '../../features/alerts/alert-filters';
import { useAlertsStore } from '../../features/alerts/alerts-store';
import { SEVERITY_COLORS, colorBytes } from '../../features/alerts/severity-colors';
import { useCityStore } from '../../features/city/city-store';
import { type AlertMarker, AlertMarkers } from './alert-markers';
import { createCityFrame } from './city-frame';

export interface AlertMarkersHost {
  widget: Ref<CesiumWidget | null>;
  /** Whether the city is drawn; the markers come and go with it. */
  drawn: Ref<boolean>;
  /** Marker size, CSS px. @default 44 */
  sizePx?: number;
  /** Called with the number of markers drawn after each change, e.g. to expose it to tests. */
  onDrawn?: (count: number) => void;
}

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** What the map can ask of the alert markers. */
export interface AlertMarkersHandle {
  /** Whether an alert marker lies under this canvas position (CSS px); its own click handler takes that click. */
  hits(xPx: number, yPx: number): boolean;
}

export function useAlertMarkers(host: AlertMarkersHost): AlertMarkersHandle {
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
    host.onDrawn?.(markers.count);
  }

  function remove(): void {
    markers?.destroy();
    markers = null;
  }

  watch(
    () => [host.widget.value, host.drawn.value, city.meta] as const,
    ([widget, drawn, meta]) => {
      remove();
      if (!widget || !drawn || !meta) return;
      markers = new AlertMarkers(widget, createCityFrame(meta), {
        sizePx: host.sizePx,
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
