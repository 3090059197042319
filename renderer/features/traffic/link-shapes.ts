/** Lengths along link shapes (links.bin), metres. Pure; shared by the heat points and the road paths. */
import type { LinkShapes } from '@protocol';

/** Length of the segment from vertex `p` to vertex `p + 1` of `xyM` (x, y interleaved), metres. */
export function segmentLengthM(xyM: Float32Array, p: number): number {
  return Math.hypot(xyM[2 * p + 2]! - xyM[2 * p]!, xyM[2 * p + 3]! - xyM[2 * p + 1]!);
}

/** Length of link `link`'s polyline, metres. */
export function polylineLengthM(shapes: LinkShapes, link: number): number {
  let lengthM = 0;
  for (let p = shapes.pointStart[link]!; p < shapes.pointStart[link + 1]! - 1; p++) lengthM += segmentLengthM(shapes.xyM, p);
  return lengthM;
}
