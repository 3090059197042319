/**
 * Colours of road congestion: one per level of CONGESTION_LEVELS, and a ramp
 * over speed / free-flow speed that shows each level's colour in the middle
 * of the level's band and blends between neighbours, so a link slowing down
 * darkens gradually instead of jumping at a bound.
 *
 * Pure and DOM-free: used by the traffic worker and by the legend.
 */
import { CONGESTION_LEVELS, CONGESTION_SPEED_RATIO_BOUNDS, type CongestionLevel } from '@protocol/traffic';
import { interpolateNumberArray } from 'd3-interpolate';
import { scaleLinear } from 'd3-scale';

export type Rgb = readonly [number, number, number];

/** Display colour of each congestion level, 0–255 per channel: green through amber to crimson. */
export const CONGESTION_COLORS: Readonly<Record<CongestionLevel, Rgb>> = {
  free: [34, 197, 94],
  light: [163, 230, 53],
  moderate: [250, 204, 21],
  heavy: [249, 115, 22],
  jammed: [225, 29, 72],
};

/**
 * Ramp stops, slowest first: at the middle of each level's band of speed
 * ratios (the free band runs up to 1) the ramp shows that level's colour.
 */
export const SPEED_RATIO_STOPS: readonly { ratio: number; color: Rgb }[] = CONGESTION_LEVELS.map((level, index) => {
  const upper = index === 0 ? 1 : CONGESTION_SPEED_RATIO_BOUNDS[index - 1]!;
  const lower = index < CONGESTION_SPEED_RATIO_BOUNDS.length ? CONGESTION_SPEED_RATIO_BOUNDS[index]! : 0;
  return { ratio: (upper + lower) / 2, color: CONGESTION_COLORS[level] };
}).reverse();

/**
 * The ramp itself: channels interpolated linearly between neighbouring stops,
 * held at the end colours outside them. A speed that is not a number (no
 * reading) draws black.
 */
const speedRatioRamp = scaleLinear<number[]>()
  .domain(SPEED_RATIO_STOPS.map((stop) => stop.ratio))
  .range(SPEED_RATIO_STOPS.map((stop) => [...stop.color]))
  .interpolate(interpolateNumberArray)
  .clamp(true)
  .unknown([0, 0, 0]);

/** Writes the ramp's colour for `ratio` (speed / free-flow speed) as RGB into `out` at `offset`. */
export function speedRatioColor(ratio: number, out: Uint8Array, offset = 0): Uint8Array {
  const color = speedRatioRamp(ratio);
  for (let channel = 0; channel < 3; channel++) out[offset + channel] = Math.round(color[channel]!);
  return out;
}
