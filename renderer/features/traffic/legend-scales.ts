/**
 * The traffic legend's colour bars as CSS gradients, made from the same
 * colours and stops the layers draw with, so legend and map cannot drift.
 */
import { CONGESTION_SPEED_RATIO_BOUNDS } from '@protocol/traffic';
import { SPEED_RATIO_STOPS } from '../../color-scales/congestion-colors';
import { HEAT_COLORS, HEAT_DENSITY_DOMAIN_VEH_PER_KM_LANE } from '../../color-scales/heat-scale';

/** CSS colour of [r, g, b] or [r, g, b, a], channels 0–255; `alpha` (0–1) scales the colour's own. */
const rgb = ([r, g, b, a = 255]: readonly number[], alpha = 1) => `rgb(${r} ${g} ${b} / ${Number(((a / 255) * alpha).toFixed(3))})`;
const percent = (share: number) => `${Number((share * 100).toFixed(2))}%`;

/** Speed / free-flow speed from 0 (left) to 1 (right), as the road-flow layer colours it. */
export function speedRampCss(): string {
  return `linear-gradient(to right, ${SPEED_RATIO_STOPS.map((stop) => `${rgb(stop.color)} ${percent(stop.ratio)}`).join(', ')})`;
}

/** Where the level bounds fall on the speed bar, in percent of free-flow speed, slowest first. */
export const SPEED_TICKS_PERCENT: readonly number[] = [...CONGESTION_SPEED_RATIO_BOUNDS].reverse().map((bound) => Math.round(bound * 100));

/**
 * Density from 0 (left) to the top of the heat domain (right), as the
 * heatmap colours it: its ramp spans 0 to the top, and fades out below the
 * domain's lower end.
 */
export function heatRampCss(): string {
  const [fadeBelow, top] = HEAT_DENSITY_DOMAIN_VEH_PER_KM_LANE;
  const last = HEAT_COLORS.length - 1;
  const stops = HEAT_COLORS.map((color, index) => `${rgb(color)} ${percent(index === 0 ? fadeBelow / top : index / last)}`);
  return `linear-gradient(to right, ${rgb(HEAT_COLORS[0]!, 0)} 0%, ${stops.join(', ')})`;
}

/** Densities labelled under the heat bar, vehicles per km per lane: 0, the top, and thirds between. */
export const HEAT_TICKS_VEH_PER_KM_LANE: readonly number[] = [0, 1, 2, 3].map(
  (third) => (third * HEAT_DENSITY_DOMAIN_VEH_PER_KM_LANE[1]) / 3,
);
