/**
 * What the lanes of the links around signalized nodes showed over the last
 * few sim minutes, summed per link from SUMO's per-step lane readings.
 *
 * SUMO's lane readings are counts and a mean speed, not passages, so the
 * vehicles that passed are derived the way a loop-free detector would:
 * each step a link carries N vehicles at mean speed v̄ for dt seconds, i.e.
 * N·v̄·dt vehicle-metres; divided by the link's length that is the vehicles
 * that crossed it (q = k·v). Vehicle-seconds beyond what that distance takes
 * at the free speed is the delay the link added (the simulator's
 * SimSignalAccess measures the same way over its CTM).
 */
import type { TrafficReading } from './traci';

/** How far back the sums reach, seconds. */
export const MEASURE_WINDOW_S = 300;

/** A link around a signalized node: its SUMO lanes and the figures the sums need. */
export interface WatchedLink {
  linkId: string;
  laneIds: readonly string[];
  lengthM: number;
  freeSpeedMps: number;
}

/** A link's sums over the window. */
export interface LinkSums {
  vehSeconds: number;
  vehMetres: number;
  windowS: number;
}

interface Sample {
  atMs: number;
  dtS: number;
  vehSeconds: number;
  vehMetres: number;
}

/** The latest counts and the window's samples of one link. */
class LinkRecord {
  vehicleCount = 0;
  haltingCount = 0;
  readonly samples: Sample[] = [];
  vehSeconds = 0;
  vehMetres = 0;
  windowS = 0;

  constructor(public link: WatchedLink) {}

  add(sample: Sample): void {
    this.samples.push(sample);
    this.vehSeconds += sample.vehSeconds;
    this.vehMetres += sample.vehMetres;
    this.windowS += sample.dtS;
    const oldestMs = sample.atMs - MEASURE_WINDOW_S * 1000;
    let drop = 0;
    while (drop < this.samples.length && this.samples[drop]!.atMs - this.samples[drop]!.dtS * 1000 < oldestMs) {
      const old = this.samples[drop++]!;
      this.vehSeconds -= old.vehSeconds;
      this.vehMetres -= old.vehMetres;
      this.windowS -= old.dtS;
    }
    if (drop > 0) this.samples.splice(0, drop);
  }
}

export class SignalWindow {
  private readonly records = new Map<string, LinkRecord>();
  private lastAtMs: number | undefined;

  constructor(links: Iterable<WatchedLink>) {
    for (const link of links) this.records.set(link.linkId, new LinkRecord(link));
  }

  /** Every lane the sums read. */
  laneIds(): string[] {
    return [...this.records.values()].flatMap((record) => record.link.laneIds);
  }

  /** The lanes a link's sums read from now on (the lanes SUMO says its lights control). */
  setLanes(linkId: string, laneIds: readonly string[]): void {
    const record = this.require(linkId);
    record.link = { ...record.link, laneIds };
  }

  /**
   * Takes one step's lane readings for sim time `atMs`. The first step (and
   * the first after a clock that went back) only sets the counts: the time
   * it stands for is not known.
   */
  observe(lanes: ReadonlyMap<string, TrafficReading>, atMs: number): void {
    const dtS = this.lastAtMs !== undefined && atMs > this.lastAtMs ? (atMs - this.lastAtMs) / 1000 : 0;
    if (this.lastAtMs !== undefined && atMs < this.lastAtMs) this.clear();
    this.lastAtMs = atMs;
    for (const record of this.records.values()) {
      let vehicles = 0;
      let halting = 0;
      let metresPerS = 0;
      for (const laneId of record.link.laneIds) {
        const reading = lanes.get(laneId);
        if (!reading) continue;
        vehicles += reading.vehicleCount;
        halting += reading.haltingCount;
        // An empty lane reports its speed limit; no vehicle moves on it.
        if (reading.vehicleCount > 0) metresPerS += reading.vehicleCount * reading.meanSpeedMps;
      }
      record.vehicleCount = vehicles;
      record.haltingCount = halting;
      if (dtS > 0) record.add({ atMs, dtS, vehSeconds: vehicles * dtS, vehMetres: metresPerS * dtS });
    }
  }

  /** Forgets every sample (SUMO restarted). */
  clear(): void {
    for (const record of this.records.values()) {
      record.samples.length = 0;
      record.vehSeconds = 0;
      record.vehMetres = 0;
      record.windowS = 0;
      record.vehicleCount = 0;
      record.haltingCount = 0;
    }
    this.lastAtMs = undefined;
  }

  /** Vehicles on the link now, and how many of them halt. */
  counts(linkId: string): { vehicleCount: number; haltingCount: number } {
    const { vehicleCount, haltingCount } = this.require(linkId);
    return { vehicleCount, haltingCount };
  }

  /** Vehicles per hour that crossed the link over the window (0 before any time has passed). */
  flowVehPerH(linkId: string): number {
    const record = this.require(linkId);
    return record.windowS > 0 ? (record.vehMetres / record.link.lengthM / record.windowS) * 3600 : 0;
  }

  /** Vehicle-seconds on the link over the window beyond the free-speed time of the distance covered; and the vehicles that crossed it. */
  delay(linkId: string): { delayVehS: number; passedVeh: number } {
    const record = this.require(linkId);
    return {
      delayVehS: Math.max(0, record.vehSeconds - record.vehMetres / record.link.freeSpeedMps),
      passedVeh: record.vehMetres / record.link.lengthM,
    };
  }

  private require(linkId: string): LinkRecord {
    const record = this.records.get(linkId);
    if (!record) throw new RangeError(`link ${JSON.stringify(linkId)} is not watched`);
    return record;
  }
}
