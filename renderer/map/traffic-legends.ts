/**
 * The legend entries of the two traffic layers, from the same colours and
 * stops the layers draw with (legend-scales.ts), so legend and map cannot drift.
 */
import { CONGESTION_LEVELS } from '@protocol/traffic';
import { HEAT_TICKS_VEH_PER_KM_LANE, SPEED_TICKS_PERCENT, heatRampCss, speedRampCss } from '../features/traffic/legend-scales';
import type { LegendScale } from './map-layer';

/** Road speed against free-flow speed: ticks at the congestion level bounds, the level names (slowest first) as tooltip. */
export const SPEED_LEGEND: LegendScale = {
  captionKey: 'traffic.legend.speed',
  rampCss: speedRampCss(),
  ticks: SPEED_TICKS_PERCENT.map((percent) => ({ value: percent, atPercent: percent, align: 'centre' })),
  titleKeys: [...CONGESTION_LEVELS].reverse().map((level) => `traffic.levels.${level}`),
};

/** Vehicle density: evenly spaced ticks, the end ones kept inside the bar. */
export const DENSITY_LEGEND: LegendScale = {
  captionKey: 'traffic.legend.density',
  rampCss: heatRampCss(),
  ticks: HEAT_TICKS_VEH_PER_KM_LANE.map((value, index, all) => ({
    value,
    atPercent: (index / (all.length - 1)) * 100,
    align: index === 0 ? 'start' : index === all.length - 1 ? 'end' : 'centre',
  })),
  titleKeys: [],
};
