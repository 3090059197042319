/**
 * Puts the traffic overlay on a city map once the city is drawn, keeps it
 * fed from the traffic store and the map's shown layers, and removes it with the map.
 */
import type { CesiumWidget } from 'cesium';
import { type Ref, onBeforeUnmount, ref, watch } from 'vue';
import { useCityStore } from '../../features/city/city-store';
import { useTrafficStore } from '../../features/traffic/traffic-store';
import { createCityFrame } from '../cesium/city-frame';
import type { MapLayerId } from '../map-layers';
import { TrafficOverlay } from './traffic-overlay';

export interface TrafficOverlayHost {
  /** The map's Cesium widget; null until created. */
  widget: Ref<CesiumWidget | null>;
  /** The element Cesium's canvas fills; the overlay's canvas goes on top of it. */
  container: Ref<HTMLElement | null>;
  /** Whether the city is drawn; the overlay comes and goes with it. */
  drawn: Ref<boolean>;
  /** The layers the map shows. */
  shown: Ref<ReadonlySet<MapLayerId>>;
  /** Called once deck.gl has drawn a traffic frame, with its sequence number. */
  onFrameDrawn: (seq: number) => void;
}

/** Returns why the overlay could not run or draw, or null. */
export function useTrafficOverlay(host: TrafficOverlayHost): Ref<string | null> {
  const city = useCityStore();
  const traffic = useTrafficStore();
  const error = ref<string | null>(null);
  let overlay: TrafficOverlay | null = null;

  function feed(): void {
    overlay?.update({
      geometry: traffic.geometry,
      frame: traffic.frame,
      shown: host.shown.value,
      paused: traffic.paused,
    });
  }

  function remove(): void {
    overlay?.destroy();
    overlay = null;
  }

  watch(
    () => [host.widget.value, host.container.value, host.drawn.value, city.meta] as const,
    ([widget, container, drawn, meta]) => {
      remove();
      if (!widget || !container || !drawn || !meta) return;
      try {
        overlay = new TrafficOverlay({
          widget,
          container,
          origin: meta.origin,
          localToFixed: createCityFrame(meta).modelMatrix,
          onFrameDrawn: host.onFrameDrawn,
          onError: (cause) => {
            error.value = cause.message;
          },
        });
        error.value = null;
        feed();
      } catch (cause) {
        error.value = cause instanceof Error ? cause.message : String(cause);
      }
    },
    { immediate: true },
  );
  watch(
    () => [traffic.geometry, traffic.frame, host.shown.value, traffic.paused] as const,
    feed,
  );
  onBeforeUnmount(remove);
  return error;
}
