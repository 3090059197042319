/**
 * What the simulator reports: per link and per area figures over a window of
 * sim time, from sums the CTM step adds up (vehicle-seconds spent,
 * vehicle-metres travelled and vehicles leaving, per link).
 *
 * Speeds are space-mean speeds, total distance / total time, so a link's
 * standing queue pulls its speed down in proportion to the time spent in it.
 */
import { congestionLevel } from '../../protocol/traffic';
import { type AreaMetrics, EMPTY_VEH_S, type EmptyAreaSpeeds, emptyAreaSpeedsKmh, trafficFiguresByArea } from '../../traffic/area-figures';
import type { SimNetwork } from './network';

export type { AreaFigures, AreaMetrics } from '../../traffic/area-figures';

/** Sums per link since the window opened; the CTM step adds to them. */
export class LinkAccumulators {
  readonly vehSeconds: Float64Array;
  readonly vehMetres: Float64Array;
  readonly exitVeh: Float64Array;
  /** Vehicles entering the link at its upstream end: its arrivals. */
  readonly entryVeh: Float64Array;
  /** Sim time the sums cover, seconds. */
  durationS = 0;

  constructor(linkCount: number) {
    this.vehSeconds = new Float64Array(linkCount);
    this.vehMetres = new Float64Array(linkCount);
    this.exitVeh = new Float64Array(linkCount);
    this.entryVeh = new Float64Array(linkCount);
  }

  /** Adds every sum into `target`. */
  addInto(target: LinkAccumulators): void {
    for (let l = 0; l < this.vehSeconds.length; l++) {
      target.vehSeconds[l]! += this.vehSeconds[l]!;
      target.vehMetres[l]! += this.vehMetres[l]!;
      target.exitVeh[l]! += this.exitVeh[l]!;
      target.entryVeh[l]! += this.entryVeh[l]!;
    }
    target.durationS += this.durationS;
  }

  reset(): void {
    this.vehSeconds.fill(0);
    this.vehMetres.fill(0);
    this.exitVeh.fill(0);
    this.entryVeh.fill(0);
    this.durationS = 0;
  }
}

/** One link's sums since the metrics were built. */
export interface LinkSums {
  vehSeconds: number;
  vehMetres: number;
  exitVeh: number;
  entryVeh: number;
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

/**
 * Turns the accumulators into figures when a window closes, and keeps the
 * figures of the last closed window for whoever asks.
 */
export class TrafficMetrics {
  readonly acc: LinkAccumulators;
  /** Sums of every closed window: with `acc`, the totals since the metrics were built. */
  private readonly closedSums: LinkAccumulators;
  private readonly links: LinkMetrics;
  private area: AreaMetrics;
  /** Length-weighted free-flow speed of each district's links and of the city, km/h: what an empty area shows. */
  private readonly freeSpeedKmh: EmptyAreaSpeeds;

  constructor(private readonly net: SimNetwork) {
    const count = net.links.count;
    this.acc = new LinkAccumulators(count);
    this.closedSums = new LinkAccumulators(count);
    this.links = {
      windowS: 0,
      speedKmh: new Float32Array(count),
      densityVehPerKmLane: new Float32Array(count),
      flowVehPerH: new Float32Array(count),
      vehicles: new Float32Array(count),
      level: new Uint8Array(count),
    };
    this.freeSpeedKmh = emptyAreaSpeedsKmh(net.links, net.districtIds.length);
    this.area = this.computeArea(new Float64Array(count));
    this.computeLinks(new Float64Array(net.cellCount), new Float64Array(net.pockets.count));
  }

  /**
   * Closes the window: computes the figures from the sums, `cellVehicles`
   * (vehicles in each cell now) and `bayVehicles` (in each left-turn bay,
   * see net.pockets), then starts a new window. Does nothing when no step
   * ran since the last close, so the last figures stay.
   */
  closeWindow(cellVehicles: Float64Array, bayVehicles: Float64Array): void {
    if (this.acc.durationS === 0) return;
    const onLink = this.computeLinks(cellVehicles, bayVehicles);
    this.area = this.computeArea(onLink);
    this.acc.addInto(this.closedSums);
    this.acc.reset();
  }

  /**
   * A link's sums since the metrics were built, open window included, so
   * rolling windows of any length are a subtraction (see LinkWindow).
   */
  runningSums(link: number, result: LinkSums): LinkSums {
    const { acc, closedSums } = this;
    result.vehSeconds = closedSums.vehSeconds[link]! + acc.vehSeconds[link]!;
    result.vehMetres = closedSums.vehMetres[link]! + acc.vehMetres[link]!;
    result.exitVeh = closedSums.exitVeh[link]! + acc.exitVeh[link]!;
    result.entryVeh = closedSums.entryVeh[link]! + acc.entryVeh[link]!;
    return result;
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
  private computeLinks(cellVehicles: Float64Array, bayVehicles: Float64Array): Float64Array {
    const { links, pockets } = this.net;
    const { vehSeconds, vehMetres, exitVeh, durationS } = this.acc;
    const out = this.links;
    const onLink = new Float64Array(links.count);
    out.windowS = durationS;
    for (let p = 0; p < pockets.count; p++) onLink[pockets.link[p]!]! += bayVehicles[p]!;
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
    const { vehSeconds, vehMetres } = this.acc;
    return trafficFiguresByArea(this.net.links, this.net.districtIds, { vehSeconds, vehMetres, vehicles: onLink }, this.freeSpeedKmh);
  }
}
