import { describe, expect, it } from 'vitest';
import { type FramingViewport, type LocalPoint, frameCity, freeRectNdc, projectToNdc } from './camera-framing';

/** A city 12 km × 9 km, off-centre from its origin as real bounds are, with 150 m towers at its corners. */
const CORNERS: LocalPoint[] = [-5_000, 7_000].flatMap((xM) => [-3_000, 6_000].flatMap((yM) => [0, 150].map((zM) => ({ xM, yM, zM }))));
/** Cesium's default 60° field of view, across the wider side. */
function viewport(widthPx: number, heightPx: number, topInsetPx = 0, bottomInsetPx = 0): FramingViewport {
  const aspect = widthPx / heightPx;
  const fovyRad = aspect > 1 ? 2 * Math.atan(Math.tan(Math.PI / 6) / aspect) : Math.PI / 3;
  return { widthPx, heightPx, topInsetPx, bottomInsetPx, fovyRad };
}

/** The map's area in the console at each screen size, with the layer switches on top and the legend below. */
const MAPS: [string, FramingViewport][] = [
  ['1366×768 console', viewport(660, 646, 96, 84)],
  ['1920×1080 console', viewport(978, 944, 60, 90)],
  ['2560×1440 console', viewport(1300, 1260, 70, 110)],
  ['3840×2160 console', viewport(1950, 1900, 90, 160)],
  ['3840×2160 wall, no panels', viewport(3840, 2160)],
];

describe('frameCity', () => {
  it.each(MAPS)('keeps the whole city inside the map, clear of the panels, at %s (issue 14)', (_, map) => {
    const pose = frameCity(CORNERS, 15, -42, map);
    const free = freeRectNdc(map);
    const projected = CORNERS.map((corner) => projectToNdc(corner, pose, map)!);
    for (const p of projected) {
      expect(p.x).toBeGreaterThanOrEqual(free.left);
      expect(p.x).toBeLessThanOrEqual(free.right);
      expect(p.y).toBeGreaterThanOrEqual(free.bottom);
      expect(p.y).toBeLessThanOrEqual(free.top);
    }
    // Not lost in the middle either: the city fills the free area along its tighter side.
    const width = Math.max(...projected.map((p) => p.x)) - Math.min(...projected.map((p) => p.x));
    const height = Math.max(...projected.map((p) => p.y)) - Math.min(...projected.map((p) => p.y));
    expect(Math.max(width / (free.right - free.left), height / (free.top - free.bottom))).toBeCloseTo(0.92, 2);
  });

  it('centres the city in the free band between the panels', () => {
    const map = viewport(660, 646, 96, 84);
    const pose = frameCity(CORNERS, 15, -42, map);
    const projected = CORNERS.map((corner) => projectToNdc(corner, pose, map)!);
    const free = freeRectNdc(map);
    const midY = (Math.max(...projected.map((p) => p.y)) + Math.min(...projected.map((p) => p.y))) / 2;
    const midX = (Math.max(...projected.map((p) => p.x)) + Math.min(...projected.map((p) => p.x))) / 2;
    expect(midY).toBeCloseTo((free.top + free.bottom) / 2, 2);
    expect(midX).toBeCloseTo(0, 2);
  });

  it('stands back further on a narrow map than on a wide one', () => {
    expect(frameCity(CORNERS, 15, -42, viewport(660, 646)).rangeM).toBeGreaterThan(frameCity(CORNERS, 15, -42, viewport(3840, 2160)).rangeM);
  });
});
