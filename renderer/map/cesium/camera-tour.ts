/**
 * A wall scene's camera tour: fly to each waypoint, rest there for its dwell
 * time, fly on, and start over after the last, until stopped. Independent of
 * Vue so the sequencing can be tested with a fake camera and fake timers.
 */
import type { CameraWaypoint } from '@protocol/wall-layout';

/** Flight time between two waypoints, seconds: slow enough to follow on a wall from across the room. */
export const TOUR_FLIGHT_S = 6;

/** The part of Cesium's Camera a tour drives. */
export interface TourCamera {
  /** Flies to a waypoint; calls `done` when it arrives or the flight is cancelled. */
  flyToWaypoint(waypoint: CameraWaypoint, durationS: number, done: () => void): void;
  /** Stops a flight under way. */
  cancelFlight(): void;
}

export interface CameraTour {
  /** Stops the tour where it is; a stopped tour never moves the camera again. */
  stop(): void;
}

/**
 * Starts flying `waypoints` in a loop. A single waypoint is flown to once
 * and held. Throws for an empty list (the layout checker refuses one).
 */
export function startCameraTour(camera: TourCamera, waypoints: readonly CameraWaypoint[]): CameraTour {
  if (waypoints.length === 0) throw new RangeError('a camera tour needs at least one waypoint');
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const visit = (index: number): void => {
    if (stopped) return;
    const waypoint = waypoints[index]!;
    camera.flyToWaypoint(waypoint, TOUR_FLIGHT_S, () => {
      if (stopped || waypoints.length === 1) return;
      timer = setTimeout(() => visit((index + 1) % waypoints.length), waypoint.dwellS * 1000);
    });
  };
  visit(0);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      camera.cancelFlight();
    },
  };
}
