/**
 * Mirrors a map's camera onto its root element as read-only attributes —
 * `data-camera-lon-deg`, `data-camera-lat-deg`, `data-camera-height-m`,
 * `data-camera-heading-deg` — written when a camera move ends, so tests and
 * the wall's watchdog can tell where a screen looks (e.g. that a push moved
 * another client's camera) without reaching into Cesium. No Vue work per frame.
 */
import type { Camera, CesiumWidget } from 'cesium';
import { Math as CesiumMath } from 'cesium';
import { type Ref, onBeforeUnmount, watch } from 'vue';

/** The attributes for a camera's position and heading, rounded to what a test can compare (≈ 1 m). */
export function cameraAttributes(camera: Pick<Camera, 'positionCartographic' | 'heading'>): Record<string, string> {
  const { longitude, latitude, height } = camera.positionCartographic;
  return {
    'data-camera-lon-deg': CesiumMath.toDegrees(longitude).toFixed(5),
    'data-camera-lat-deg': CesiumMath.toDegrees(latitude).toFixed(5),
    'data-camera-height-m': height.toFixed(0),
    'data-camera-heading-deg': CesiumMath.toDegrees(camera.heading).toFixed(1),
  };
}

export function useCameraAttributes(widget: Readonly<Ref<CesiumWidget | null>>, root: Readonly<Ref<HTMLElement | null>>): void {
  let stop: (() => void) | undefined;
  const write = (camera: Camera): void => {
    for (const [name, value] of Object.entries(cameraAttributes(camera))) root.value?.setAttribute(name, value);
  };
  watch(
    widget,
    (view) => {
      stop?.();
      stop = undefined;
      if (!view) return;
      write(view.camera);
      stop = view.camera.moveEnd.addEventListener(() => write(view.camera));
    },
    { immediate: true },
  );
  onBeforeUnmount(() => stop?.());
}
