import { describe, expect, it } from 'vitest';
import { HEAT_POINT_SPACING_M, heatWeights, sampleHeatPoints } from './heat-points';
import { trafficCity } from './traffic-city.fixture';

const { linkShapes } = trafficCity();

/** The points of one link, as [x, y] pairs. */
function pointsOf(samples: ReturnType<typeof sampleHeatPoints>, link: number): [number, number][] {
  const points: [number, number][] = [];
  samples.link.forEach((owner, i) => {
    if (owner === link) points.push([samples.positionsM[2 * i]!, samples.positionsM[2 * i + 1]!]);
  });
  return points;
}

describe('sampleHeatPoints', () => {
  const samples = sampleHeatPoints(linkShapes);

  it('spreads points about every 60 m along each link, at the middles of equal stretches', () => {
    expect(HEAT_POINT_SPACING_M).toBe(60);
    const east = pointsOf(samples, 0);
    expect(east).toHaveLength(10);
    expect(east[0]).toEqual([30, -2]);
    expect(east[9]).toEqual([570, -2]);
  });

  it('follows a link in its direction of travel', () => {
    const west = pointsOf(samples, 1);
    expect(west[0]).toEqual([570, 2]);
    expect(west.at(-1)).toEqual([30, 2]);
  });

  it('walks across the bends of a polyline', () => {
    const north = pointsOf(samples, 2);
    expect(north).toHaveLength(13);
    north.forEach(([x]) => expect(x).toBe(602));
    const gaps = north.slice(1).map(([, y], i) => y - north[i]![1]);
    gaps.forEach((gap) => expect(gap).toBeCloseTo(800 / 13, 3));
    expect(north[6]![1]).toBeCloseTo(400, 3);
  });

  it('gives a link shorter than the spacing one point, in its middle', () => {
    const short = sampleHeatPoints({ pointStart: new Uint32Array([0, 2]), xyM: new Float32Array([0, 0, 20, 0]) });
    expect(Array.from(short.positionsM)).toEqual([10, 0]);
  });

  it('still places a point on a link whose shape has no length', () => {
    const degenerate = sampleHeatPoints({ pointStart: new Uint32Array([0, 2]), xyM: new Float32Array([5, 6, 5, 6]) });
    expect(Array.from(degenerate.positionsM)).toEqual([5, 6]);
    expect(Array.from(degenerate.link)).toEqual([0]);
  });

  it('rejects a spacing that is not a positive length', () => {
    expect(() => sampleHeatPoints(linkShapes, 0)).toThrow('heat point spacing must be a positive number of metres, got 0');
  });
});

describe('heatWeights', () => {
  it("weights each point by its link's density", () => {
    const samples = sampleHeatPoints(linkShapes);
    const weights = heatWeights(samples.link, new Uint8Array([12, 0, 140]));
    expect(weights).toHaveLength(samples.link.length);
    expect(new Set(weights.subarray(0, 10))).toEqual(new Set([12]));
    expect(new Set(weights.subarray(10, 20))).toEqual(new Set([0]));
    expect(new Set(weights.subarray(20))).toEqual(new Set([140]));
  });
});
