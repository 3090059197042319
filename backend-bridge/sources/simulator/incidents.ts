/**
 * Incidents: a crash or breakdown that blocks part of a link for a while.
 * The cells at the downstream end of the link lose capacity, so a queue
 * forms behind them and, once the link is full, spills into the links
 * upstream. Besides incidents added from outside, a seeded random process
 * starts a few per sim hour so the demo has events.
 */
import * as v from 'valibot';
import { parseAt } from '../../protocol/validation';
import { Prng } from '../../city/prng';
import type { SimNetwork } from './network';

/** Length of road at the downstream end of a link an incident blocks, metres. */
const BLOCKED_LENGTH_M = 50;
/** Random incidents last between these, seconds. */
const RANDOM_DURATION_S = { min: 15 * 60, max: 45 * 60 } as const;
/** Beyond the lanes blocked, drivers slowing to look and merging cost this share of what is left. */
const RUBBERNECK_FACTOR = 0.8;
/** Even a fully blocked single lane lets this share through on the shoulder. */
const MIN_RANDOM_FACTOR = 0.1;

/** An incident to stage on a network of `linkCount` links. */
const incidentSpecSchema = (linkCount: number) =>
  v.strictObject({
    /** Index into meta.links. */
    linkIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(linkCount - 1)),
    /** Share of the capacity left at the blocked end of the link, 0–1. */
    capacityFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    /** How long it lasts, sim seconds (> 0, at most a day). */
    durationS: v.pipe(v.number(), v.minValue(Number.MIN_VALUE), v.maxValue(86_400)),
  });
export type IncidentSpec = v.InferOutput<ReturnType<typeof incidentSpecSchema>>;

export interface Incident {
  /** `inc-1`, `inc-2`, … in order of creation. */
  id: string;
  linkIndex: number;
  linkId: string;
  capacityFactor: number;
  startSimTimeMs: number;
  endSimTimeMs: number;
}

export interface IncidentOptions {
  /** Seed of the random incident stream; unsigned 32-bit integer. */
  seed: number;
  /** Mean number of random incidents per sim hour; 0 for none. @default 3 */
  randomPerHour?: number;
}

const DEFAULT_RANDOM_INCIDENTS_PER_HOUR = 3;

export class Incidents {
  private readonly active: Incident[] = [];
  private created = 0;
  private readonly rng: Prng;
  private readonly chancePerStep: number;
  /** Running sum of each link's exposure (length × lanes), for picking where a random incident happens. */
  private readonly cumulativeExposure: Float64Array;
  private readonly specSchema: ReturnType<typeof incidentSpecSchema>;

  /** @param cellCapacityVeh the CTM's per-cell capacity, which incidents lower and restore */
  constructor(
    private readonly net: SimNetwork,
    private readonly cellCapacityVeh: Float64Array,
    options: IncidentOptions,
  ) {
    const perHour = options.randomPerHour ?? DEFAULT_RANDOM_INCIDENTS_PER_HOUR;
    if (!(perHour >= 0 && perHour <= 3600)) throw new RangeError(`randomPerHour must be in 0..3600, got ${perHour}`);
    this.rng = new Prng(options.seed, 'incidents');
    this.chancePerStep = (perHour * net.stepS) / 3600;
    this.cumulativeExposure = new Float64Array(net.links.count);
    let sum = 0;
    for (let l = 0; l < net.links.count; l++) this.cumulativeExposure[l] = sum += net.links.lengthM[l]! * net.links.lanes[l]!;
    this.specSchema = incidentSpecSchema(net.links.count);
  }

  /** Starts an incident now; throws a ValidationError naming a bad field. */
  add(spec: unknown, simTimeMs: number): Incident {
    const { linkIndex, capacityFactor, durationS } = parseAt(this.specSchema, spec, 'incident');
    const incident: Incident = {
      id: `inc-${++this.created}`,
      linkIndex,
      linkId: this.net.links.ids[linkIndex]!,
      capacityFactor,
      startSimTimeMs: simTimeMs,
      endSimTimeMs: simTimeMs + durationS * 1000,
    };
    this.active.push(incident);
    this.applyCapacity(linkIndex);
    return incident;
  }

  /** Clears an incident before its time; false when no active incident has that id. */
  remove(id: string): boolean {
    const index = this.active.findIndex((incident) => incident.id === id);
    if (index < 0) return false;
    const [removed] = this.active.splice(index, 1);
    this.applyCapacity(removed!.linkIndex);
    return true;
  }

  /** Active incidents, oldest first. */
  list(): readonly Incident[] {
    return this.active;
  }

  /** Ends the incidents due by `simTimeMs` and maybe starts a random one. Call once per step. */
  update(simTimeMs: number): void {
    for (let i = this.active.length - 1; i >= 0; i--) {
      if (this.active[i]!.endSimTimeMs <= simTimeMs) this.remove(this.active[i]!.id);
    }
    if (this.chancePerStep > 0 && this.rng.chance(this.chancePerStep)) this.add(this.randomSpec(), simTimeMs);
  }

  private randomSpec(): IncidentSpec {
    const total = this.cumulativeExposure[this.cumulativeExposure.length - 1]!;
    const target = this.rng.next() * total;
    let linkIndex = 0;
    while (this.cumulativeExposure[linkIndex]! <= target && linkIndex < this.cumulativeExposure.length - 1) linkIndex++;
    const lanes = this.net.links.lanes[linkIndex]!;
    const lanesBlocked = lanes >= 3 && this.rng.chance(0.3) ? 2 : 1;
    return {
      linkIndex,
      capacityFactor: Math.max(MIN_RANDOM_FACTOR, ((lanes - lanesBlocked) / lanes) * RUBBERNECK_FACTOR),
      durationS: this.rng.int(RANDOM_DURATION_S.min, RANDOM_DURATION_S.max),
    };
  }

  /** Sets the blocked cells of a link to its capacity times the worst active incident's factor there. */
  private applyCapacity(link: number): void {
    const { cellStart, cellLengthM, capacityVehPerS } = this.net.links;
    const factor = this.active.reduce((worst, i) => (i.linkIndex === link ? Math.min(worst, i.capacityFactor) : worst), 1);
    const end = cellStart[link + 1]!;
    const blocked = Math.min(end - cellStart[link]!, Math.max(1, Math.ceil(BLOCKED_LENGTH_M / cellLengthM[link]!)));
    this.cellCapacityVeh.fill(capacityVehPerS[link]! * this.net.stepS * factor, end - blocked, end);
  }
}
