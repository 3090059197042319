/**
 * City and district traffic figures from per-link sums over a window of time:
 * vehicle-metres travelled and vehicle-seconds spent on each link. Every
 * source that reports AreaTraffic computes them here, so the simulator's and
 * the field's travel time index mean the same thing.
 *
 * Average speed is distance-weighted (total distance / total time) and the
 * travel time index is time spent / time the same distance takes at free
 * speed, so busy links weigh in proportion to the traffic on them.
 */

/** Below this many vehicle-seconds an area (or link) counts as empty and shows its free speed. */
export const EMPTY_VEH_S = 1e-6;
/** Ceiling of the travel time index, as the wire protocol bounds it. */
const MAX_TRAVEL_TIME_INDEX = 100;

export interface AreaFigures {
  /** Distance-weighted mean speed, km/h. */
  avgSpeedKmh: number;
  /** Vehicle-hours spent / vehicle-hours the same trips take at free speed (1 = free flow). */
  travelTimeIndex: number;
  /** Vehicles on the area's links at the end of the window. */
  vehicles: number;
}

export interface AreaMetrics {
  city: AreaFigures;
  /** One entry per district, in the order of the district ids given. */
  districts: (AreaFigures & { districtId: string })[];
}

/** What the figures need to know of the road links, each array indexed by link. */
export interface AreaLinks {
  count: number;
  lengthM: ArrayLike<number>;
  freeSpeedMps: ArrayLike<number>;
  /** Index of the link's district in the district id list. */
  district: ArrayLike<number>;
}

/** Sums per link over one window, each array indexed by link. */
export interface LinkWindowSums {
  vehMetres: ArrayLike<number>;
  vehSeconds: ArrayLike<number>;
  /** Vehicles on the link at the end of the window. */
  vehicles: ArrayLike<number>;
}

/** Length-weighted free-flow speed of each district and of the city, km/h: what an empty area shows. */
export interface EmptyAreaSpeeds {
  city: number;
  districts: number[];
}

export function emptyAreaSpeedsKmh(links: AreaLinks, districtCount: number): EmptyAreaSpeeds {
  const city = districtCount; // area index of the whole city, after the districts
  const lengthM = new Float64Array(districtCount + 1);
  const freeTimeS = new Float64Array(districtCount + 1);
  for (let l = 0; l < links.count; l++) {
    const freeS = links.lengthM[l]! / links.freeSpeedMps[l]!;
    for (const area of [links.district[l]!, city]) {
      lengthM[area]! += links.lengthM[l]!;
      freeTimeS[area]! += freeS;
    }
  }
  const speed = (area: number) => (freeTimeS[area]! > 0 ? (3.6 * lengthM[area]!) / freeTimeS[area]! : 0);
  return { city: speed(city), districts: Array.from({ length: districtCount }, (_, d) => speed(d)) };
}

/** Speed, travel time index and vehicles of every district and the whole city, from per-link sums (not the drill's detail figures). */
export function trafficFiguresByArea(links: AreaLinks, districtIds: readonly string[], sums: LinkWindowSums, empty: EmptyAreaSpeeds): AreaMetrics {
  const { vehSeconds, vehMetres, vehicles: onLink } = sums;
  const city = districtIds.length;
  const metres = new Float64Array(city + 1);
  const seconds = new Float64Array(city + 1);
  const freeSeconds = new Float64Array(city + 1);
  const vehicles = new Float64Array(city + 1);
  for (let l = 0; l < links.count; l++) {
    const freeS = vehMetres[l]! / links.freeSpeedMps[l]!;
    for (const area of [links.district[l]!, city]) {
      metres[area]! += vehMetres[l]!;
      seconds[area]! += vehSeconds[l]!;
      freeSeconds[area]! += freeS;
      vehicles[area]! += onLink[l]!;
    }
  }
  const figures = (area: number, emptySpeedKmh: number): AreaFigures => {
    if (seconds[area]! <= EMPTY_VEH_S) return { avgSpeedKmh: emptySpeedKmh, travelTimeIndex: 1, vehicles: vehicles[area]! };
    const index = freeSeconds[area]! > 0 ? seconds[area]! / freeSeconds[area]! : MAX_TRAVEL_TIME_INDEX;
    return {
      avgSpeedKmh: (3.6 * metres[area]!) / seconds[area]!,
      travelTimeIndex: Math.min(MAX_TRAVEL_TIME_INDEX, index),
      vehicles: vehicles[area]!,
    };
  };
  return {
    city: figures(city, empty.city),
    districts: districtIds.map((districtId, d) => ({ districtId, ...figures(d, empty.districts[d]!) })),
  };
}
