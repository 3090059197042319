/**
 * The latest detector reading of every road link, turned into the same
 * LinkTraffic and AreaTraffic the simulator reports.
 *
 * Links without a fresh reading (none yet, or older than `holdReadingMs`)
 * show free flow with no vehicles: the wire has no "unknown" level, and free
 * flow with zero flow adds nothing to the area figures, which weigh each
 * link by the traffic measured on it. A reading is kept for the hold time
 * because detectors report every 20–60 s; between reports the last one is
 * the best estimate.
 */
import { congestionLevel } from '../../protocol/traffic';
import { type AreaLinks, type AreaMetrics, type EmptyAreaSpeeds, emptyAreaSpeedsKmh, trafficFiguresByArea } from '../../traffic/area-figures';
import type { LinkTraffic } from '../live-source';
import type { DetectorReading } from './payloads';

/**
 * Vehicle length plus detector length, metres: occupancy / this is density.
 * 5 m of car and about 1.5 m of loop, the textbook effective length.
 */
const EFFECTIVE_VEHICLE_LENGTH_M = 6.5;
/**
 * Speed a stopped link is counted at in the area figures, km/h, so a link
 * reporting flow at 0 km/h (a detector's rounding) weighs heavily but finitely.
 */
const MIN_AREA_SPEED_KMH = 1;

export interface DetectorLinks extends AreaLinks {
  lanes: ArrayLike<number>;
}

/** Figures of one link as measured now, for intersection measures. */
export interface LinkNow {
  speedKmh: number;
  flowVehPerH: number;
  /** Vehicles on the link, from occupancy. */
  vehicles: number;
  /** Whether a fresh reading backs these figures (else they are free flow). */
  measured: boolean;
}

export class LinkReadings {
  private readonly tsMs: Float64Array;
  private readonly speedKmh: Float32Array;
  private readonly flowVehPerH: Float32Array;
  private readonly occupancyPct: Float32Array;
  private readonly traffic: LinkTraffic;
  private readonly sums: { vehMetres: Float64Array; vehSeconds: Float64Array; vehicles: Float64Array };
  private readonly empty: EmptyAreaSpeeds;

  constructor(
    private readonly links: DetectorLinks,
    private readonly districtIds: readonly string[],
    /** A reading older than this is no longer shown, ms. */
    private readonly holdReadingMs: number,
  ) {
    const count = links.count;
    this.tsMs = new Float64Array(count).fill(-Infinity);
    this.speedKmh = new Float32Array(count);
    this.flowVehPerH = new Float32Array(count);
    this.occupancyPct = new Float32Array(count);
    this.traffic = {
      simTimeMs: 0,
      speedKmh: new Float32Array(count),
      densityVehPerKmLane: new Float32Array(count),
      flowVehPerH: new Float32Array(count),
      level: new Uint8Array(count),
    };
    this.sums = { vehMetres: new Float64Array(count), vehSeconds: new Float64Array(count), vehicles: new Float64Array(count) };
    this.empty = emptyAreaSpeedsKmh(links, districtIds.length);
  }

  /**
   * Keeps a link's reading. Returns false, keeping the newer one, for a
   * reading older than the one held (a late delivery after a reconnect).
   */
  record(link: number, reading: DetectorReading): boolean {
    if (reading.ts < this.tsMs[link]!) return false;
    this.tsMs[link] = reading.ts;
    this.speedKmh[link] = reading.speedKmh;
    this.flowVehPerH[link] = reading.flowVehPerH;
    this.occupancyPct[link] = reading.occupancyPct;
    return true;
  }

  /** One link now; `nowMs` decides whether its reading is still fresh. */
  link(link: number, nowMs: number): LinkNow {
    const lengthKm = this.links.lengthM[link]! / 1000;
    if (!this.fresh(link, nowMs)) return { speedKmh: this.links.freeSpeedMps[link]! * 3.6, flowVehPerH: 0, vehicles: 0, measured: false };
    return {
      speedKmh: this.speedKmh[link]!,
      flowVehPerH: this.flowVehPerH[link]!,
      vehicles: densityVehPerKmLane(this.occupancyPct[link]!) * lengthKm * this.links.lanes[link]!,
      measured: true,
    };
  }

  /** Every link now. The arrays are reused by the next call: copy what you keep. */
  linkTraffic(nowMs: number): LinkTraffic {
    const out = this.traffic;
    out.simTimeMs = nowMs;
    for (let l = 0; l < this.links.count; l++) {
      const freeSpeedKmh = this.links.freeSpeedMps[l]! * 3.6;
      const fresh = this.fresh(l, nowMs);
      const speedKmh = fresh ? this.speedKmh[l]! : freeSpeedKmh;
      out.speedKmh[l] = speedKmh;
      out.flowVehPerH[l] = fresh ? this.flowVehPerH[l]! : 0;
      out.densityVehPerKmLane[l] = fresh ? densityVehPerKmLane(this.occupancyPct[l]!) : 0;
      out.level[l] = congestionLevel(speedKmh, freeSpeedKmh);
    }
    return out;
  }

  /**
   * City and district figures now, as the simulator defines them, over a
   * one-second window in which each link carries its measured flow at its
   * measured speed: vehicle-metres = flow × length, vehicle-seconds =
   * vehicle-metres / speed.
   */
  areaMetrics(nowMs: number): AreaMetrics {
    const { vehMetres, vehSeconds, vehicles } = this.sums;
    for (let l = 0; l < this.links.count; l++) {
      const now = this.link(l, nowMs);
      vehMetres[l] = (now.flowVehPerH / 3600) * this.links.lengthM[l]!;
      vehSeconds[l] = vehMetres[l]! / (Math.max(MIN_AREA_SPEED_KMH, now.speedKmh) / 3.6);
      vehicles[l] = now.vehicles;
    }
    return trafficFiguresByArea(this.links, this.districtIds, this.sums, this.empty);
  }

  private fresh(link: number, nowMs: number): boolean {
    return nowMs - this.tsMs[link]! <= this.holdReadingMs;
  }
}

function densityVehPerKmLane(occupancyPct: number): number {
  return ((occupancyPct / 100) * 1000) / EFFECTIVE_VEHICLE_LENGTH_M;
}
