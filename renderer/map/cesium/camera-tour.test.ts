import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraWaypoint } from '@protocol/wall-layout';
import { TOUR_FLIGHT_S, type TourCamera, startCameraTour } from './camera-tour';

const waypoint = (lonDeg: number, dwellS: number): CameraWaypoint => ({ lonDeg, latDeg: 30, heightM: 1500, headingDeg: 0, pitchDeg: -45, dwellS });

/** A camera whose flights arrive after TOUR_FLIGHT_S of fake time; records each destination. */
function fakeCamera() {
  const visited: number[] = [];
  let flight: ReturnType<typeof setTimeout> | undefined;
  const camera: TourCamera & { cancelled: number } = {
    cancelled: 0,
    flyToWaypoint(target, durationS, done) {
      visited.push(target.lonDeg);
      flight = setTimeout(done, durationS * 1000);
    },
    cancelFlight() {
      camera.cancelled++;
      clearTimeout(flight);
    },
  };
  return { camera, visited };
}

describe('startCameraTour', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('flies to each waypoint, rests for its dwell time, and starts over after the last', () => {
    const { camera, visited } = fakeCamera();
    startCameraTour(camera, [waypoint(120.1, 10), waypoint(120.2, 20)]);
    expect(visited).toEqual([120.1]);
    vi.advanceTimersByTime(TOUR_FLIGHT_S * 1000 + 10_000 - 1);
    expect(visited).toEqual([120.1]);
    vi.advanceTimersByTime(1);
    expect(visited).toEqual([120.1, 120.2]);
    vi.advanceTimersByTime(TOUR_FLIGHT_S * 1000 + 20_000);
    expect(visited).toEqual([120.1, 120.2, 120.1]);
  });

  it('holds a single waypoint instead of flying to it again', () => {
    const { camera, visited } = fakeCamera();
    startCameraTour(camera, [waypoint(120.1, 5)]);
    vi.advanceTimersByTime(600_000);
    expect(visited).toEqual([120.1]);
  });

  it('never moves the camera again once stopped, even when a flight was under way', () => {
    const { camera, visited } = fakeCamera();
    const tour = startCameraTour(camera, [waypoint(120.1, 1), waypoint(120.2, 1)]);
    vi.advanceTimersByTime(1000);
    tour.stop();
    vi.advanceTimersByTime(600_000);
    expect(visited).toEqual([120.1]);
    expect(camera.cancelled).toBe(1);
  });

  it('refuses an empty tour', () => {
    expect(() => startCameraTour(fakeCamera().camera, [])).toThrow('at least one waypoint');
  });
});
