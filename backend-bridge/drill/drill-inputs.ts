/**
 * The state every level's figures are computed from: the static city, the
 * latest traffic, histories, open alerts, device states and signals. The
 * figure functions are pure over it, so tests hand-build it.
 */
import type { Alert } from '../protocol';
import type { HistoryPoint } from '../traffic/traffic-history';
import type { AreaTraffic, DeviceUpdate, LinkTraffic } from '../sources/live-source';
import type { SignalAccess, SignalModes } from '../sources/signal-access';
import type { CityIndex } from './city-index';

export interface DrillInputs {
  index: CityIndex;
  /** The latest per-link traffic; null before the source's first. */
  links: LinkTraffic | null;
  /** The latest city and district figures; null before the source's first. */
  area: AreaTraffic | null;
  /** Citywide figures, one point per sim minute, oldest first. */
  cityHistory: readonly HistoryPoint[];
  /** A district's figures, one point per sim minute, oldest first; empty for an unknown district. */
  districtHistory(districtId: string): readonly HistoryPoint[];
  /** Every open alert. */
  openAlerts: readonly Alert[];
  /** Each device's latest state as the source reported it, by device id; devices never heard from are absent. */
  devices: ReadonlyMap<string, DeviceUpdate>;
  /** Signal plans and measurements, for sources that have them. */
  signals?: SignalAccess;
  modes: SignalModes;
}

/** One link's traffic now. */
export interface LinkNow {
  speedKmh: number;
  flowVehPerH: number;
  densityVehPerKmLane: number;
  /** Index into CONGESTION_LEVELS. */
  congestionLevel: number;
}

/** A link's latest figures; before any traffic, an empty link at its free speed (what the simulator reports too). */
export function linkNow(inputs: DrillInputs, linkIndex: number): LinkNow {
  const { links } = inputs;
  if (!links) return { speedKmh: inputs.index.link(linkIndex).freeSpeedKmh, flowVehPerH: 0, densityVehPerKmLane: 0, congestionLevel: 0 };
  return {
    speedKmh: links.speedKmh[linkIndex]!,
    flowVehPerH: links.flowVehPerH[linkIndex]!,
    densityVehPerKmLane: links.densityVehPerKmLane[linkIndex]!,
    congestionLevel: links.level[linkIndex]!,
  };
}

/** An area's travel time index, mean speed and vehicles now. */
export interface AreaNow {
  travelTimeIndex: number;
  avgSpeedKmh: number;
  vehicles: number;
}

/**
 * The city's figures (districtId null) or a district's. Before any traffic,
 * and for a district the source left out, the area reads as empty and free
 * flowing: index 1 at its links' free speed.
 */
export function areaNow(inputs: DrillInputs, districtId: string | null): AreaNow {
  const reported = districtId === null ? inputs.area?.city : inputs.area?.districts.find((d) => d.districtId === districtId);
  if (reported) return { travelTimeIndex: reported.travelTimeIndex, avgSpeedKmh: reported.avgSpeedKmh, vehicles: reported.vehicles };
  const { index } = inputs;
  const freeSpeedKmh = districtId === null ? index.cityFreeSpeedKmh : (index.freeSpeedKmhOfDistrict.get(districtId) ?? 0);
  return { travelTimeIndex: 1, avgSpeedKmh: freeSpeedKmh, vehicles: 0 };
}
