/**
 * Flies a map's camera along a wall scene's tour while nothing is selected:
 * a drill-down selection or a pushed focus takes the camera, and the tour
 * starts again from its first waypoint once the view is back at the city.
 */
import { Cartesian3, type CesiumWidget, Math as CesiumMath } from 'cesium';
import { type Ref, onBeforeUnmount, watch } from 'vue';
import type { CameraWaypoint } from '@protocol/wall-layout';
import { type CameraTour, type TourCamera, startCameraTour } from './camera-tour';

function tourCamera(widget: CesiumWidget): TourCamera {
  const { camera } = widget;
  return {
    flyToWaypoint(waypoint, durationS, done) {
      camera.flyTo({
        destination: Cartesian3.fromDegrees(waypoint.lonDeg, waypoint.latDeg, waypoint.heightM),
        orientation: { heading: CesiumMath.toRadians(waypoint.headingDeg), pitch: CesiumMath.toRadians(waypoint.pitchDeg), roll: 0 },
        duration: durationS,
        complete: done,
        cancel: done,
      });
    },
    cancelFlight: () => camera.cancelFlight(),
  };
}

export interface CameraTourOptions {
  widget: Readonly<Ref<CesiumWidget | null>>;
  /** The tour's waypoints; null or empty for none. */
  waypoints: Readonly<Ref<readonly CameraWaypoint[] | null>>;
  /** True while something else owns the camera (a selection, a pushed focus) or the city is not drawn. */
  paused: Readonly<Ref<boolean>>;
}

export function useCameraTour(options: CameraTourOptions): void {
  let tour: CameraTour | null = null;
  const stop = (): void => {
    tour?.stop();
    tour = null;
  };
  watch(
    () => [options.widget.value, options.waypoints.value, options.paused.value] as const,
    ([widget, waypoints, paused]) => {
      stop();
      if (widget && waypoints && waypoints.length > 0 && !paused) tour = startCameraTour(tourCamera(widget), waypoints);
    },
    { immediate: true },
  );
  onBeforeUnmount(stop);
}
