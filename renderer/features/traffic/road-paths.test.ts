import { curvatureDropM } from '@common/geo/curvature';
import { LANE_WIDTH_M } from '@common/geo/road-dimensions';
import { describe, expect, it } from 'vitest';
import { ROAD_LIFT_M, buildRoadPaths } from './road-paths';
import { trafficCity } from './traffic-city.fixture';

const { meta, linkShapes } = trafficCity();
const lanes = meta.links.map((link) => link.lanes);

describe('buildRoadPaths', () => {
  const paths = buildRoadPaths(linkShapes, lanes);

  it("keeps every link's vertices in order, one path per link", () => {
    expect(Array.from(paths.startIndices)).toEqual([0, 2, 4, 7]);
    expect(paths.positionsM).toHaveLength(3 * 7);
    expect(Array.from(paths.positionsM.subarray(0, 2))).toEqual([0, -2]);
    expect(Array.from(paths.positionsM.subarray(18, 20))).toEqual([602, 800]);
  });

  it('puts each vertex where Cesium draws the roads: lifted off the ground, which bends with the globe', () => {
    expect(paths.positionsM[2]).toBeCloseTo(ROAD_LIFT_M - curvatureDropM(0, -2), 6);
    expect(paths.positionsM[20]).toBeCloseTo(ROAD_LIFT_M - curvatureDropM(602, 800), 6);
    expect(paths.positionsM[20]).toBeLessThan(paths.positionsM[2]!);
  });

  it('measures the distance along its link at each vertex, starting at 0 on every link', () => {
    expect(Array.from(paths.distanceM)).toEqual([0, 600, 0, 600, 0, 400, 800]);
  });

  it("gives every vertex its link's carriageway width", () => {
    expect(Array.from(paths.widthM)).toEqual([2, 2, 2, 2, 1, 1, 1].map((count) => count * LANE_WIDTH_M));
  });

  it('rejects lane counts that do not match the links', () => {
    expect(() => buildRoadPaths(linkShapes, [2, 2])).toThrow('road paths: 2 lane counts for 3 links');
  });
});
