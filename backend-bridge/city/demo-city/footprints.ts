/**
 * Building footprint shapes. Every shape fits in the box it is given and is
 * returned as a counter-clockwise ring, x and y interleaved, without the
 * closing point repeated.
 */
import type { Prng } from '../prng';

const FOOTPRINT_SHAPES = ['rect', 'rotated', 'l-shape', 'chamfered'] as const;
export type FootprintShape = (typeof FOOTPRINT_SHAPES)[number];

/** Largest turn of a rotated footprint away from the street grid, in radians (30°). */
const MAX_ROTATION_RAD = Math.PI / 6;
/** Smallest turn worth drawing, in radians (5°). */
const MIN_ROTATION_RAD = Math.PI / 36;

/** A footprint of the given shape centred on (cx, cy) within a widthM × depthM box. */
export function footprint(shape: FootprintShape, cxM: number, cyM: number, widthM: number, depthM: number, rng: Prng): number[] {
  switch (shape) {
    case 'rect':
      return box(cxM, cyM, widthM, depthM);
    case 'rotated':
      return rotatedBox(cxM, cyM, widthM, depthM, rng);
    case 'l-shape':
      return lShape(cxM, cyM, widthM, depthM, rng);
    case 'chamfered':
      return chamfered(cxM, cyM, widthM, depthM, rng.float(0.12, 0.25) * Math.min(widthM, depthM));
  }
}

function box(cxM: number, cyM: number, widthM: number, depthM: number): number[] {
  const x0 = cxM - widthM / 2;
  const x1 = cxM + widthM / 2;
  const y0 = cyM - depthM / 2;
  const y1 = cyM + depthM / 2;
  return [x0, y0, x1, y0, x1, y1, x0, y1];
}

/** A rectangle turned off the grid, shrunk until its turned outline fits the box again. */
function rotatedBox(cxM: number, cyM: number, widthM: number, depthM: number, rng: Prng): number[] {
  const angleRad = rng.float(MIN_ROTATION_RAD, MAX_ROTATION_RAD) * (rng.chance(0.5) ? 1 : -1);
  const cos = Math.cos(angleRad);
  const sin = Math.sin(angleRad);
  const spanX = widthM * Math.abs(cos) + depthM * Math.abs(sin);
  const spanY = widthM * Math.abs(sin) + depthM * Math.abs(cos);
  const scale = Math.min(widthM / spanX, depthM / spanY);
  return rotateAbout(box(0, 0, widthM * scale, depthM * scale), cos, sin, cxM, cyM);
}

/** A rectangle with one corner cut away; which corner is random. */
function lShape(cxM: number, cyM: number, widthM: number, depthM: number, rng: Prng): number[] {
  const quarterTurns = rng.int(0, 3);
  // Built with its cut in the north-east, then turned; odd turns swap width and depth.
  const [w, d] = quarterTurns % 2 === 0 ? [widthM, depthM] : [depthM, widthM];
  const cutW = w * rng.float(0.35, 0.6);
  const cutD = d * rng.float(0.35, 0.6);
  const x0 = -w / 2;
  const x1 = w / 2;
  const y0 = -d / 2;
  const y1 = d / 2;
  const ring = [x0, y0, x1, y0, x1, y1 - cutD, x1 - cutW, y1 - cutD, x1 - cutW, y1, x0, y1];
  const angleRad = (quarterTurns * Math.PI) / 2;
  return rotateAbout(ring, Math.round(Math.cos(angleRad)), Math.round(Math.sin(angleRad)), cxM, cyM);
}

/** A rectangle with its four corners bevelled by `cutM`: an octagon. */
function chamfered(cxM: number, cyM: number, widthM: number, depthM: number, cutM: number): number[] {
  const x0 = cxM - widthM / 2;
  const x1 = cxM + widthM / 2;
  const y0 = cyM - depthM / 2;
  const y1 = cyM + depthM / 2;
  return [x0 + cutM, y0, x1 - cutM, y0, x1, y0 + cutM, x1, y1 - cutM, x1 - cutM, y1, x0 + cutM, y1, x0, y1 - cutM, x0, y0 + cutM];
}

/** Turns a ring about the origin (a rotation keeps it counter-clockwise) and moves it to (cx, cy). */
function rotateAbout(ring: number[], cos: number, sin: number, cxM: number, cyM: number): number[] {
  const out = new Array<number>(ring.length);
  for (let i = 0; i < ring.length; i += 2) {
    out[i] = cxM + ring[i]! * cos - ring[i + 1]! * sin;
    out[i + 1] = cyM + ring[i]! * sin + ring[i + 1]! * cos;
  }
  return out;
}
