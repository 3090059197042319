import { WebMercatorViewport } from '@deck.gl/core';
import { type Camera, Cartesian2, Cartesian3, Math as CesiumMath, Matrix4, type Scene, SceneTransforms } from 'cesium';
import { curvatureDropM } from '@common/geo/curvature';
import { describe, expect, it } from 'vitest';
import { trafficCity } from '../../features/traffic/traffic-city.fixture';
import { createCityFrame } from '../cesium/city-frame';
import { createCityAnchor, deckViewFromCesium, maxDeckPitchDeg, poseOf } from './camera-sync';
import { aim, cesiumView } from './cesium-camera.fixture';

const WIDTH_PX = 1920;
const HEIGHT_PX = 1080;
const { meta } = trafficCity();
const frame = createCityFrame(meta);
const anchor = createCityAnchor(meta.origin, frame.modelMatrix);

function sync(camera: Camera) {
  const pose = poseOf(camera);
  if (!pose) throw new Error('the camera has no perspective lens');
  return deckViewFromCesium(pose, HEIGHT_PX, anchor);
}

/** City ground points every `stepM` metres over the city's bounds, within `radiusM` of `centreM`. */
function groundGrid(centreM: [number, number], radiusM: number, stepM: number): [number, number][] {
  const points: [number, number][] = [];
  const { minXM, minYM, maxXM, maxYM } = meta.bounds;
  for (let x = Math.max(minXM, centreM[0] - radiusM); x <= Math.min(maxXM, centreM[0] + radiusM); x += stepM) {
    for (let y = Math.max(minYM, centreM[1] - radiusM); y <= Math.min(maxYM, centreM[1] + radiusM); y += stepM) points.push([x, y]);
  }
  return points;
}

/**
 * Projects ground points with Cesium (as the city is drawn: city frame,
 * bent onto the globe) and with deck.gl (as the road-flow layer draws them:
 * METER_OFFSETS from the origin, at the same ground height, levelled by the
 * synced model matrix) and returns the largest distance between the two,
 * CSS px, over the points Cesium shows inside the view.
 */
function largestMisalignmentPx(scene: Scene, camera: Camera, points: [number, number][]): { errorPx: number; compared: number } {
  const synced = sync(camera);
  if (!synced) throw new Error('the camera does not look at the ground');
  const viewport = new WebMercatorViewport({ ...synced.viewState, fovy: synced.fovy, width: WIDTH_PX, height: HEIGHT_PX });
  const levelling = Matrix4.fromArray(Array.from(synced.modelMatrix));
  let errorPx = 0;
  let compared = 0;
  for (const [x, y] of points) {
    const cesium = SceneTransforms.worldToWindowCoordinates(scene, frame.toWorld(x, y), new Cartesian2());
    if (!cesium || cesium.x < 0 || cesium.x > WIDTH_PX || cesium.y < 0 || cesium.y > HEIGHT_PX) continue;
    const levelled = Matrix4.multiplyByPoint(levelling, new Cartesian3(x, y, -curvatureDropM(x, y)), new Cartesian3());
    const [deckX, deckY] = viewport.project(
      viewport.addMetersToLngLat([...anchor.originLngLat, 0], [levelled.x, levelled.y, levelled.z]),
    );
    errorPx = Math.max(errorPx, Math.hypot(deckX! - cesium.x, deckY! - cesium.y));
    compared++;
  }
  return { errorPx, compared };
}

describe('deckViewFromCesium', () => {
  const views: { name: string; targetM: [number, number]; rangeM: number }[] = [
    { name: 'the whole city', targetM: [0, 0], rangeM: 15_000 },
    { name: 'a district off the centre', targetM: [3000, -2500], rangeM: 4000 },
    { name: 'a few blocks at the edge', targetM: [-5500, 5000], rangeM: 1200 },
    { name: 'a crossing in a corner', targetM: [6800, 6800], rangeM: 600 },
  ];

  describe.each([0, 30, 55])('at deck pitch %i°', (pitchDeg) => {
    it.each(views)('puts city ground points within 2 px of where Cesium draws them, looking at $name', ({ targetM, rangeM }) => {
      const { scene, camera } = cesiumView(WIDTH_PX, HEIGHT_PX);
      for (const headingDeg of [0, 15, 135, -100]) {
        aim(camera, frame, targetM, headingDeg, pitchDeg, rangeM);
        const { errorPx, compared } = largestMisalignmentPx(scene, camera, groundGrid(targetM, 3 * rangeM, rangeM / 20));
        expect(compared, `ground points in view at heading ${headingDeg}°`).toBeGreaterThan(20);
        expect(errorPx, `misalignment at heading ${headingDeg}°`).toBeLessThan(2);
      }
    });
  });

  it('reports the tilt, heading and lens of the Cesium camera', () => {
    const { camera } = cesiumView(WIDTH_PX, HEIGHT_PX);
    aim(camera, frame, [0, 0], 15, 42, 10_000);
    const synced = sync(camera);
    expect(synced?.viewState.pitch).toBeCloseTo(42, 6);
    expect(synced?.viewState.bearing).toBeCloseTo(15, 6);
    expect(synced?.fovy).toBeCloseTo(CesiumMath.toDegrees(poseOf(camera)!.fovyRad), 9);
    expect(synced?.fovy).toBeCloseTo(2 * CesiumMath.toDegrees(Math.atan(Math.tan(Math.PI / 6) / (WIDTH_PX / HEIGHT_PX))), 9);
    expect(synced?.viewState.longitude).toBeCloseTo(meta.origin.lonDeg, 9);
    expect(synced?.viewState.latitude).toBeCloseTo(meta.origin.latDeg, 9);
  });

  it('rounds the zoom so that noise in the camera does not re-aggregate the heatmap', () => {
    const { camera } = cesiumView(WIDTH_PX, HEIGHT_PX);
    aim(camera, frame, [0, 0], 0, 30, 8000);
    const synced = sync(camera);
    expect(Math.abs(synced!.viewState.zoom * 1e4 - Math.round(synced!.viewState.zoom * 1e4))).toBeLessThan(1e-6);
  });

  it('gives no view while the centre of the view is above the horizon', () => {
    const { camera } = cesiumView(WIDTH_PX, HEIGHT_PX);
    camera.setView({
      destination: frame.toWorld(0, 0, 500),
      orientation: { heading: 0, pitch: CesiumMath.toRadians(5), roll: 0 },
    });
    expect(sync(camera)).toBeUndefined();
  });
});

describe('maxDeckPitchDeg', () => {
  it("keeps deck.gl's own 60° limit for a landscape view", () => {
    expect(maxDeckPitchDeg(36)).toBe(60);
  });

  it('lowers the limit for a tall view so its top edge stays 10° below the horizon', () => {
    expect(maxDeckPitchDeg(60)).toBe(50);
    expect(maxDeckPitchDeg(60) + 60 / 2).toBeLessThan(90);
  });
});
