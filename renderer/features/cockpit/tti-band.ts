/**
 * The band of a travel time index, named like the map's congestion levels.
 *
 * A travel time index is free-flow speed over actual speed, so each band's
 * upper bound is the inverse of the speed-ratio bound the map colours links
 * by (CONGESTION_SPEED_RATIO_BOUNDS): a city whose index is "heavy" reads
 * the same as a link drawn in the heavy colour.
 */
import { CONGESTION_LEVELS, CONGESTION_SPEED_RATIO_BOUNDS, type CongestionLevel } from '@protocol';

/** Upper bound (exclusive) of the index for free … heavy; at or above the last it is jammed. */
export const TTI_BAND_UPPER_BOUNDS: readonly number[] = CONGESTION_SPEED_RATIO_BOUNDS.map((ratio) => 1 / ratio);

export function ttiBand(travelTimeIndex: number): CongestionLevel {
  const index = TTI_BAND_UPPER_BOUNDS.findIndex((bound) => travelTimeIndex < bound);
  return CONGESTION_LEVELS[index < 0 ? CONGESTION_LEVELS.length - 1 : index]!;
}
