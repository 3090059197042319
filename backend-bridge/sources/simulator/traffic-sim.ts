/**
 * The demo city's traffic: a mesoscopic simulation of the road graph that
 * the bridge steps, reads figures from and sends signal plans and incidents
 * to. Deterministic: the same city, options and calls give the same state.
 */
import { zonedHourOfDay } from '../../../common/time/zoned-time';
import type { CityModel } from '../../city/city-model';
import { checkSeed } from '../../city/prng';
import { type Movement, type SignalPlan, type SignalState, TURNS } from '../../protocol/signals';
import { CellTransmissionModel } from './ctm';
import { defaultSignalPlans } from './default-plans';
import { peakSourceRatesVehPerS } from './demand';
import { demandFactorAt } from './demand-profile';
import { planFlowsVehPerS, setTurningForHour } from './tidal-demand';
import { expectedLinkFlowsVehPerS } from './expected-flows';
import { type Incident, Incidents } from './incidents';
import { LinkWindow, type WindowSums } from './link-window';
import { type AreaMetrics, type LinkMetrics, type LinkSums, TrafficMetrics } from './metrics';
import { type SimNetwork, compileNetwork } from './network';
import { defaultStartSimTimeMs } from './sim-calendar';
import { SignalControl } from './signal-control';
import { MovementPressure } from './movement-pressure';
import type { Actuation } from '../signal-access';

export interface TrafficSimOptions {
  /** Seed of every random choice (turning fractions, incidents); unsigned 32-bit integer. */
  seed: number;
  /** Sim time once the sim is built, ms since the epoch, whole seconds. @default defaultStartSimTimeMs (07:00 on the city's clock) */
  startSimTimeMs?: number;
  /**
   * Sim seconds run before `startSimTimeMs`, from the uncongested demand
   * flows, so queues have formed when the sim starts. Whole seconds.
   * @default 600
   */
  warmUpS?: number;
  /** Multiplies all trip generation. @default 1 */
  demandScale?: number;
  /** Share of the vehicles reaching an interior node whose trip ends there, [0, 1). @default 0.1 */
  tripEndShare?: number;
  /** Mean random incidents per sim hour; 0 for none. @default 3 */
  randomIncidentsPerHour?: number;
}

export const DEFAULT_WARM_UP_S = 600;
/** How often the turning fractions follow the hour's pull, sim ms: often enough that no step is felt. */
const TURNING_UPDATE_MS = 60_000;
/** Sim seconds at the end of the warm-up that the first figures cover. */
const FIRST_WINDOW_S = 60;

export interface SimTotals {
  /** Vehicles on the links and waiting to enter. */
  inSystem: number;
  /** Vehicles created since the sim was built: trips started and the warm-up's initial load. */
  created: number;
  /** Vehicles whose trip has ended. */
  removed: number;
}

export class TrafficSim {
  /** The compiled road graph; its arrays are indexed like `meta.links` and `meta.nodes`. Read only. */
  readonly network: SimNetwork;
  private currentMs: number;
  private readonly ctm: CellTransmissionModel;
  private readonly signals: SignalControl;
  private readonly incidentBook: Incidents;
  private readonly metrics: TrafficMetrics;
  /** Recent per-link sums, for what signal controllers measure. */
  private readonly recent: LinkWindow;
  private readonly stepMs: number;
  /** The city's IANA zone: demand follows its clock. */
  private readonly timeZone: string;

  constructor(city: CityModel, options: TrafficSimOptions) {
    const seed = checkSeed(options.seed);
    this.timeZone = city.meta.timeZone;
    const startMs = options.startSimTimeMs ?? defaultStartSimTimeMs(this.timeZone);
    const warmUpS = options.warmUpS ?? DEFAULT_WARM_UP_S;
    if (!Number.isInteger(startMs / 1000) || startMs < 0) {
      throw new RangeError(`startSimTimeMs must be a whole number of seconds since the epoch, got ${startMs}`);
    }
    wholeSeconds(warmUpS, 'warmUpS');

    this.network = compileNetwork(city.meta, { seed, tripEndShare: options.tripEndShare });
    this.stepMs = this.network.stepS * 1000;
    const peakRates = peakSourceRatesVehPerS(city.meta, this.network, { demandScale: options.demandScale });
    const planFlows = planFlowsVehPerS(this.network, peakRates);
    this.ctm = new CellTransmissionModel(this.network, peakRates);
    const pressure = new MovementPressure(this.network, this.ctm.vehicles, this.ctm.pocketVeh);
    this.signals = new SignalControl(this.network, defaultSignalPlans(this.network, planFlows), (phases, result) =>
      pressure.phasePressures(phases, result),
    );
    this.incidentBook = new Incidents(this.network, this.ctm.cellCapacityVeh, {
      seed,
      randomPerHour: options.randomIncidentsPerHour,
    });
    this.metrics = new TrafficMetrics(this.network);
    this.recent = new LinkWindow(this.metrics, this.network.links.count);

    this.currentMs = startMs - warmUpS * 1000;
    this.updateTurning();
    this.loadFreeFlow(expectedLinkFlowsVehPerS(this.network, peakRates, this.demandFactor()));
    // The first figures cover the end of the warm-up only, not the settling of the initial load.
    const settleS = Math.max(0, warmUpS - FIRST_WINDOW_S);
    this.advance(settleS);
    // Drop the settling from the totals and from the window snapshots together, so no window ever spans the drop.
    this.metrics.acc.reset();
    this.recent.clear();
    this.advance(warmUpS - settleS);
    this.metrics.closeWindow(this.ctm.vehicles, this.ctm.pocketVeh);
    this.recent.sample(this.currentMs / 1000);
  }

  /** Sim time, ms since the epoch: the start of the next step. */
  get simTimeMs(): number {
    return this.currentMs;
  }

  /** Advances one step (network.stepS, 1 s). */
  step(): void {
    this.signals.update(this.currentMs / 1000);
    this.ctm.step(this.demandFactor(), this.signals.gates, this.metrics.acc);
    this.currentMs += this.stepMs;
    if (this.currentMs % TURNING_UPDATE_MS === 0) this.updateTurning();
    if (this.currentMs % (this.recent.sampleS * 1000) === 0) this.recent.sample(this.currentMs / 1000);
    // Incidents change between steps, so what `incidents()` lists is what the next step runs with.
    this.incidentBook.update(this.currentMs);
  }

  /** Advances by a whole number of seconds of sim time. */
  advance(simSeconds: number): void {
    const steps = wholeSeconds(simSeconds, 'simSeconds') / this.network.stepS;
    for (let i = 0; i < steps; i++) this.step();
  }

  /**
   * Per-link figures since the previous call to this or `areaMetrics` (the
   * last publish interval); the previous figures again when no step has run
   * since. The arrays are reused: copy what you keep.
   */
  linkMetrics(): LinkMetrics {
    this.metrics.closeWindow(this.ctm.vehicles, this.ctm.pocketVeh);
    return this.metrics.linkMetrics();
  }

  /** District and city figures over the same window as `linkMetrics`. */
  areaMetrics(): AreaMetrics {
    this.metrics.closeWindow(this.ctm.vehicles, this.ctm.pocketVeh);
    return this.metrics.areaMetrics();
  }

  /** Phase, interval and seconds remaining at a signalized node now. */
  signalState(nodeId: string): SignalState {
    return this.signals.state(this.nodeIndex(nodeId), this.currentMs / 1000);
  }

  /** The plan the node runs now. */
  runningPlan(nodeId: string): SignalPlan {
    return structuredClone(this.signals.runningPlan(this.nodeIndex(nodeId), this.currentMs / 1000));
  }

  /** The plan waiting for the running plan's cycle boundary, and when it takes over (sim ms); undefined when none waits. */
  pendingPlan(nodeId: string): { plan: SignalPlan; effectiveSimTimeMs: number } | undefined {
    const pending = this.signals.pendingPlan(this.nodeIndex(nodeId), this.currentMs / 1000);
    return pending && { plan: structuredClone(pending.plan), effectiveSimTimeMs: Math.round(pending.switchAtS * 1000) };
  }

  /** A link's sums since the sim was built (its warm-up settling excepted): time spent, distance, exits, entries. */
  linkSums(link: number, result: LinkSums): LinkSums {
    return this.metrics.runningSums(link, result);
  }

  /** A link's sums over the last few sim minutes (arrivals, departures, time spent, distance). */
  recentLinkSums(link: number, result: WindowSums): WindowSums {
    return this.recent.sums(link, this.currentMs / 1000, result);
  }

  /** Vehicles now in the link's congested cells (denser than at capacity) and in its left-turn bay: its queue. */
  queueVeh(link: number): number {
    const { cellStart, sendRatio } = this.network.links;
    const vehicles = this.ctm.vehicles;
    const capacity = this.ctm.cellCapacityVeh;
    const bay = this.network.pockets.ofLink[link]!;
    let queued = bay < 0 ? 0 : this.ctm.pocketVeh[bay]!;
    for (let c = cellStart[link]!; c < cellStart[link + 1]!; c++) {
      if (vehicles[c]! * sendRatio[link]! > capacity[c]!) queued += vehicles[c]!;
    }
    return queued;
  }

  /** The node's newest plan (the one waiting for the next cycle boundary, if any). */
  plan(nodeId: string): SignalPlan {
    return structuredClone(this.signals.plan(this.nodeIndex(nodeId)));
  }

  /**
   * Replaces a node's plan from its next cycle boundary. The plan must name
   * the node and use its movements; throws a ValidationError naming what is
   * wrong otherwise.
   */
  setPlan(nodeId: string, plan: SignalPlan): SignalPlan {
    return this.signals.setPlan(this.nodeIndex(nodeId), plan, this.currentMs / 1000);
  }

  /** Who picks the node's phases now: its plan's clock, or max-pressure. */
  actuation(nodeId: string): Actuation {
    return this.signals.actuation(this.nodeIndex(nodeId));
  }

  /**
   * Hands the node's phases to max-pressure, or back to its plan (which
   * resumes on its own clock once max-pressure has finished into phase 0).
   */
  setActuation(nodeId: string, actuation: Actuation): void {
    if (actuation !== 'plan' && actuation !== 'maxpressure') throw new RangeError(`actuation must be 'plan' or 'maxpressure', got ${JSON.stringify(actuation)}`);
    this.signals.setActuation(this.nodeIndex(nodeId), actuation, this.currentMs / 1000);
  }

  /** Vehicles in a left-turn bay's queue right now, by its movement; 0 for a movement without a bay. */
  bayVehOf(movement: number): number {
    const bay = this.network.pockets.ofMovement[movement]!;
    return bay < 0 ? 0 : this.ctm.pocketVeh[bay]!;
  }

  /** The movements through a node, in the order the simulator holds them. */
  movements(nodeId: string): Movement[] {
    const node = this.nodeIndex(nodeId);
    const { movements, links } = this.network;
    const result: Movement[] = [];
    for (let m = movements.nodeStart[node]!; m < movements.nodeStart[node + 1]!; m++) {
      result.push({
        id: movements.ids[m]!,
        inLinkId: links.ids[movements.fromLink[m]!]!,
        outLinkId: links.ids[movements.toLink[m]!]!,
        turn: TURNS[movements.turn[m]!]!,
      });
    }
    return result;
  }

  /** Starts an incident now: {linkIndex, capacityFactor 0–1, durationS}. Throws a ValidationError naming a bad field. */
  addIncident(spec: unknown): Incident {
    return this.incidentBook.add(spec, this.currentMs);
  }

  /** Clears an incident early; false when none with that id is active. */
  removeIncident(id: string): boolean {
    return this.incidentBook.remove(id);
  }

  /** Active incidents, oldest first. */
  incidents(): Incident[] {
    return this.incidentBook.list().map((incident) => ({ ...incident }));
  }

  totals(): SimTotals {
    return { inSystem: this.ctm.vehiclesInSystem(), created: this.ctm.created, removed: this.ctm.removed };
  }

  /** Vehicles in each cell (see `network.links.cellStart`). Read only. */
  cellVehicles(): Float64Array {
    return this.ctm.vehicles;
  }

  /** The turning fractions follow the tide of the day (tidal-demand.ts). */
  private updateTurning(): void {
    setTurningForHour(this.network, zonedHourOfDay(this.currentMs, this.timeZone));
  }

  private demandFactor(): number {
    return demandFactorAt(zonedHourOfDay(this.currentMs, this.timeZone));
  }

  private nodeIndex(nodeId: string): number {
    const node = this.network.nodeIndex.get(nodeId);
    if (node === undefined) throw new RangeError(`unknown node ${JSON.stringify(nodeId)}`);
    return node;
  }

  /** Fills every link at free flow with its share of the given flows (capped at capacity). */
  private loadFreeFlow(linkFlowsVehPerS: Float64Array): void {
    const { links } = this.network;
    for (let l = 0; l < links.count; l++) {
      const flowVehPerS = Math.min(linkFlowsVehPerS[l]!, links.capacityVehPerS[l]!);
      this.ctm.load(l, (flowVehPerS / links.freeSpeedMps[l]!) * links.cellLengthM[l]!);
    }
  }
}

function wholeSeconds(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of seconds ≥ 0, got ${value}`);
  return value;
}
