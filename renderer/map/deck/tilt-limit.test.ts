import { describe, expect, it } from 'vitest';
import { trafficCity } from '../../features/traffic/traffic-city.fixture';
import { createCityFrame } from '../cesium/city-frame';
import { createCityAnchor, deckViewFromCesium, poseOf } from './camera-sync';
import { aim, cesiumView } from './cesium-camera.fixture';
import { clampTilt } from './tilt-limit';

const { meta } = trafficCity();
const frame = createCityFrame(meta);
const anchor = createCityAnchor(meta.origin, frame.modelMatrix);

const deckPitchOf = (camera: Parameters<typeof poseOf>[0]) => deckViewFromCesium(poseOf(camera)!, 1080, anchor)!.viewState.pitch;

describe('clampTilt', () => {
  it('turns a view tilted past the limit down to the limit, without moving the camera', () => {
    const { camera } = cesiumView(1920, 1080);
    aim(camera, frame, [2000, 1000], 30, 75, 3000);
    const position = camera.positionWC.clone();
    expect(clampTilt(camera, anchor, 60)).toBe(true);
    expect(deckPitchOf(camera)).toBeCloseTo(60, 1);
    expect(camera.positionWC.equals(position)).toBe(true);
  });

  it('leaves a view within the limit alone', () => {
    const { camera } = cesiumView(1920, 1080);
    aim(camera, frame, [0, 0], 0, 55, 5000);
    const direction = camera.directionWC.clone();
    expect(clampTilt(camera, anchor, 60)).toBe(false);
    expect(camera.directionWC.equals(direction)).toBe(true);
  });

  it('brings a view of the sky back down to the ground', () => {
    const { camera } = cesiumView(1920, 1080);
    camera.setView({ destination: frame.toWorld(0, 0, 800), orientation: { heading: 0, pitch: 0.2, roll: 0 } });
    expect(clampTilt(camera, anchor, 60)).toBe(true);
    expect(deckPitchOf(camera)).toBeCloseTo(60, 1);
  });
});
