/**
 * Reads a PNG screenshot and measures how much of a region shows lit
 * buildings, so a test can tell a drawn city from an empty globe.
 */
import { PNG } from 'pngjs';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Fraction (0–1) of the region's pixels whose colour is a lit building face:
 * blue-dominant and clearly brighter than the dark globe and district fill.
 */
export function litBuildingFraction(png: Buffer, region: Region): number {
  const image = PNG.sync.read(png);
  let lit = 0;
  let total = 0;
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(image.width, Math.floor(region.x + region.width));
  const y1 = Math.min(image.height, Math.floor(region.y + region.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = 4 * (y * image.width + x);
      const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      total++;
      if (b >= 70 && b > r + 20 && g > r) lit++;
    }
  }
  return total === 0 ? 0 : lit / total;
}
