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
  const total = forEachPixel(image, region, (i) => {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    if (b >= 70 && b > r + 20 && g > r) lit++;
  });
  return total === 0 ? 0 : lit / total;
}

function forEachPixel(image: PNG, region: Region, visit: (index: number) => void): number {
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(image.width, Math.floor(region.x + region.width));
  const y1 = Math.min(image.height, Math.floor(region.y + region.height));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) visit(4 * (y * image.width + x));
  return Math.max(0, (x1 - x0) * (y1 - y0));
}

/**
 * Fraction (0–1) of the region in warm colours (red, orange, amber): congestion
 * on the heatmap and slow roads. The city itself is drawn only in blues.
 */
export function warmFraction(png: Buffer, region: Region): number {
  const image = PNG.sync.read(png);
  let warm = 0;
  const total = forEachPixel(image, region, (i) => {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    if (r >= 140 && r > b + 60 && r >= g) warm++;
  });
  return total === 0 ? 0 : warm / total;
}

/** Fraction (0–1) of the region whose colour moved by more than `threshold` (sum of channel differences). */
export function changedFraction(before: Buffer, after: Buffer, region: Region, threshold = 60): number {
  const a = PNG.sync.read(before);
  const b = PNG.sync.read(after);
  if (a.width !== b.width || a.height !== b.height) throw new Error('screenshots differ in size');
  let changed = 0;
  const total = forEachPixel(a, region, (i) => {
    const delta = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
    if (delta > threshold) changed++;
  });
  return total === 0 ? 0 : changed / total;
}
