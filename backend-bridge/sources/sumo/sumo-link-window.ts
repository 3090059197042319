/**
 * Per-link and per-area traffic from SUMO's edge readings, summed over the
 * steps between two publishes (a window), in the units every source emits.
 *
 * Each step adds, per link, vehicle-seconds (vehicles × step) and
 * vehicle-metres (vehicles × mean speed × step). From those sums: the
 * space-mean speed (metres / seconds; the free speed on an empty link), the
 * density (mean vehicles / (km × lanes)) and the flow as density × speed
 * (q = k·v: vehicle-metres per second over the link's length), since an edge
 * subscription counts vehicles on the edge, not vehicles crossing its end.
 * The area figures are the shared ones (traffic/area-figures.ts), so SUMO's
 * travel time index means what the simulator's and the field's mean.
 */
import { type CityMeta, congestionLevel } from '../../protocol';
import { EMPTY_VEH_S, type EmptyAreaSpeeds, emptyAreaSpeedsKmh, trafficFiguresByArea } from '../../traffic/area-figures';
import type { AreaTraffic, LinkTraffic } from '../live-source';
import type { TrafficReading } from './traci';

export class SumoLinkWindow {
  private readonly count: number;
  private readonly lengthM: Float64Array;
  private readonly freeSpeedMps: Float64Array;
  private readonly lanes: Float64Array;
  private readonly district: Uint16Array;
  private readonly districtIds: string[];
  private readonly emptySpeeds: EmptyAreaSpeeds;
  private readonly linkOfEdge: Map<string, number>;
  private readonly vehSeconds: Float64Array;
  private readonly vehMetres: Float64Array;
  /** Vehicles on each link after the latest step. */
  private readonly vehicles: Float64Array;
  private durationS = 0;

  /** @param edgeIdOfLink SUMO's edge id of each city link, indexed like `meta.links` */
  constructor(meta: CityMeta, edgeIdOfLink: readonly string[]) {
    this.count = meta.links.length;
    if (edgeIdOfLink.length !== this.count) throw new RangeError(`${edgeIdOfLink.length} SUMO edge ids for ${this.count} links`);
    this.districtIds = meta.districts.map((d) => d.id);
    const districtIndex = new Map(this.districtIds.map((id, index) => [id, index]));
    this.lengthM = Float64Array.from(meta.links, (link) => link.lengthM);
    this.freeSpeedMps = Float64Array.from(meta.links, (link) => link.freeSpeedKmh / 3.6);
    this.lanes = Float64Array.from(meta.links, (link) => link.lanes);
    this.district = Uint16Array.from(meta.links, (link) => districtIndex.get(link.districtId)!);
    this.emptySpeeds = emptyAreaSpeedsKmh(this.areaLinks(), this.districtIds.length);
    this.linkOfEdge = new Map(edgeIdOfLink.map((edgeId, index) => [edgeId, index]));
    this.vehSeconds = new Float64Array(this.count);
    this.vehMetres = new Float64Array(this.count);
    this.vehicles = new Float64Array(this.count);
  }

  /** Adds one step of `stepS` sim seconds; edges that are no city link are ignored. */
  add(edges: ReadonlyMap<string, TrafficReading>, stepS: number): void {
    for (const [edgeId, reading] of edges) {
      const l = this.linkOfEdge.get(edgeId);
      if (l === undefined) continue;
      this.vehicles[l] = reading.vehicleCount;
      if (reading.vehicleCount === 0) continue;
      this.vehSeconds[l]! += reading.vehicleCount * stepS;
      this.vehMetres[l]! += reading.vehicleCount * Math.max(0, reading.meanSpeedMps) * stepS;
    }
    this.durationS += stepS;
  }

  /** Whether any step was added since the last close. */
  get hasSteps(): boolean {
    return this.durationS > 0;
  }

  /** Forgets the sums and the vehicles on the links: SUMO was started again with empty roads. */
  clear(): void {
    this.vehicles.fill(0);
    this.reset();
  }

  /** The window's link and area figures; then the next window starts. */
  close(simTimeMs: number): { links: LinkTraffic; area: AreaTraffic } {
    const links = this.linkFigures(simTimeMs);
    const sums = { vehSeconds: this.vehSeconds, vehMetres: this.vehMetres, vehicles: this.vehicles };
    const { city, districts } = trafficFiguresByArea(this.areaLinks(), this.districtIds, sums, this.emptySpeeds);
    this.reset();
    return { links, area: { simTimeMs, city, districts } };
  }

  private linkFigures(simTimeMs: number): LinkTraffic {
    const out: LinkTraffic = {
      simTimeMs,
      speedKmh: new Float32Array(this.count),
      densityVehPerKmLane: new Float32Array(this.count),
      flowVehPerH: new Float32Array(this.count),
      level: new Uint8Array(this.count),
    };
    for (let l = 0; l < this.count; l++) {
      const freeSpeedKmh = this.freeSpeedMps[l]! * 3.6;
      const spentS = this.vehSeconds[l]!;
      const speedKmh = spentS > EMPTY_VEH_S ? Math.min(freeSpeedKmh, (3.6 * this.vehMetres[l]!) / spentS) : freeSpeedKmh;
      const durationS = this.durationS;
      out.speedKmh[l] = speedKmh;
      out.densityVehPerKmLane[l] = durationS > 0 ? spentS / durationS / ((this.lengthM[l]! / 1000) * this.lanes[l]!) : 0;
      out.flowVehPerH[l] = durationS > 0 ? (3600 * this.vehMetres[l]!) / (this.lengthM[l]! * durationS) : 0;
      out.level[l] = congestionLevel(speedKmh, freeSpeedKmh);
    }
    return out;
  }

  private reset(): void {
    this.vehSeconds.fill(0);
    this.vehMetres.fill(0);
    this.durationS = 0;
  }

  private areaLinks() {
    return { count: this.count, lengthM: this.lengthM, freeSpeedMps: this.freeSpeedMps, district: this.district };
  }
}
