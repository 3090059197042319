/**
 * What the simulator reports: per link and per area figures over a window of
 * sim time, from sums the CTM step adds up (vehicle-seconds spent,
 * vehicle-metres travelled and vehicles leaving, per link).
 *
 * Speeds are space-mean speeds, total distance / total time, so a link's
 * standing queue pulls its speed down in proportion to the time spent in it.
 */
import { congestionLevel } from '../../protocol/traffic';
import type { SimNetwork } from './network';

/** Below this many vehicle-seconds a link counts as empty and shows its free speed. */
const EMPTY_VEH_S = 1e-6;
/** Ceiling of the travel time index, as the wire protocol bounds it. */
const MAX_TRAVEL_TIME_INDEX = 100;

/** Sums per link since the window opened; the CTM step adds to them. */
export class LinkAccumulators {
  readonly vehSeconds: Float64Array;
  readonly vehMetres: Float64Array;
  readonly exitVeh: Float64Array;
  /** Sim time the sums cover, seconds. */
  durationS = 0;

  constructor(linkCount: number) {
    this.vehSeconds = new Float64Array(linkCount);
    this.vehMetres = new Float64Array(linkCount);
    this.exitVeh = new Float64Array(linkCount);
  }

  reset(): void {
    this.vehSeconds.fill(0);
    this.vehMetres.fill(0);
    this.exitVeh.fill(0);
    this.durationS = 0;
  }
}

/** Per-link figures, each array indexed like `meta.links`. */
export interface LinkMetrics {
  /** Sim time the figures average over, seconds (0 before the first step). */
  windowS: number;
  /** Space-mean speed, km/h; the free speed on an empty link. */
  speedKmh: Float32Array;
  /** Mean vehicles per km per lane. */
  densityVehPerKmLane: Float32Array;
  /** Vehicles leaving the link, per hour. */
  flowVehPerH: Float32Array;
  /** Vehicles on the link at the end of the window. */
  vehicles: Float32Array;
  /** Index into the protocol's CONGESTION_LEVELS. */
  level: Uint8Array;
}

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
  /** One entry per district, in the order of `meta.districts`. */
  districts: (AreaFigures & { districtId: string })[];
}

/**
 * Turns the accumulators into figures when a window closes, and keeps the
 * figures of the last closed window for whoever asks.
 */
export class TrafficMetrics {
  readonly acc: LinkAccumulators;
  private readonly links: LinkMetrics;
  private area: AreaMetrics;
  /** Length-weighted free-flow speed of each district's links and of the city, km/h: what an empty area shows. */
  private readonly freeSpeedKmh: { city: number; districts: number[] };

  constructor(private readonly net: SimNetwork) {
    const count = net.links.count;
    this.acc = new LinkAccumulators(count);
    this.links = {
      windowS: 0,
      speedKmh: new Float32Array(count),
      densityVehPerKmLane: new Float32Array(count),
      flowVehPerH: new Float32Array(count),
      vehicles: new Float32Array(count),
      level: new Uint8Array(count),
    };
    const lengthM = new Float64Array(net.districtIds.length + 1);
    const freeTimeS = new Float64Array(net.districtIds.length + 1);
    const city = net.districtIds.length;
    for (let l = 0; l < count; l++) {
      const freeS = net.links.lengthM[l]! / net.links.freeSpeedMps[l]!;
      for (const area of [net.links.district[l]!, city]) {
        lengthM[area]! += net.links.lengthM[l]!;
        freeTimeS[area]! += freeS;
      }
    }
    const speed = (area: number) => (freeTimeS[area]! > 0 ? (3.6 * lengthM[area]!) / freeTimeS[area]! : 0);
    this.freeSpeedKmh = { city: speed(city), districts: net.districtIds.map((_, d) => speed(d)) };
    this.area = this.computeArea(new Float64Array(count));
    this.computeLinks(new Float64Array(net.cellCount));
  }

  /**
   * Closes the window: computes the figures from the sums and `cellVehicles`
   * (vehicles in each cell now), then starts a new window. Does nothing when
   * no step ran since the last close, so the last figures stay.
   */
  closeWindow(cellVehicles: Float64Array): void {
    if (this.acc.durationS === 0) return;
    const onLink = this.computeLinks(cellVehicles);
    this.area = this.computeArea(onLink);
    this.acc.reset();
  }

  /** Figures of the last closed window. The arrays are reused by the next window: copy what you keep. */
  linkMetrics(): LinkMetrics {
    return this.links;
  }

  /** Figures of the last closed window. */
  areaMetrics(): AreaMetrics {
    return this.area;
  }

  /** Fills the link figures; returns the vehicles now on each link. */
  private computeLinks(cellVehicles: Float64Array): Float64Array {
    const { links } = this.net;
    const { vehSeconds, vehMetres, exitVeh, durationS } = this.acc;
    const out = this.links;
    const onLink = new Float64Array(links.count);
    out.windowS = durationS;
    for (let l = 0; l < links.count; l++) {
      for (let c = links.cellStart[l]!; c < links.cellStart[l + 1]!; c++) onLink[l]! += cellVehicles[c]!;
      const freeSpeedKmh = links.freeSpeedMps[l]! * 3.6;
      const spent = vehSeconds[l]!;
      const speedKmh = spent > EMPTY_VEH_S ? Math.min(freeSpeedKmh, (3.6 * vehMetres[l]!) / spent) : freeSpeedKmh;
      const meanVeh = durationS > 0 ? spent / durationS : 0;
      out.speedKmh[l] = speedKmh;
      out.densityVehPerKmLane[l] = meanVeh / ((links.lengthM[l]! / 1000) * links.lanes[l]!);
      out.flowVehPerH[l] = durationS > 0 ? (3600 * exitVeh[l]!) / durationS : 0;
      out.vehicles[l] = onLink[l]!;
      out.level[l] = congestionLevel(speedKmh, freeSpeedKmh);
    }
    return onLink;
  }

  private computeArea(onLink: Float64Array): AreaMetrics {
    const { links, districtIds } = this.net;
    const { vehSeconds, vehMetres } = this.acc;
    const city = districtIds.length; // area index of the whole city, after the districts
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
      city: figures(city, this.freeSpeedKmh.city),
      districts: districtIds.map((districtId, d) => ({ districtId, ...figures(d, this.freeSpeedKmh.districts[d]!) })),
    };
  }
}
