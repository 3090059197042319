/**
 * Closed-loop signal control, measured: the demo city's morning peak,
 * 07:00–09:00 sim time, simulated three times from the same seed and the
 * same warmed-up state — with the default fixed plans; with every
 * signalized intersection in adaptive mode, driven by the bridge's own
 * adaptive controller and plan service (history and audit in an in-memory
 * database; no sockets); and with every one under max-pressure
 * (signals/max-pressure.ts over each plan's phases, run by the simulator).
 *
 * The demo city's demand is tidal (tidal-demand.ts): trips head in in the
 * morning and out in the evening, so the peaks turn differently from the
 * average day; approaches of three lanes or more have left-turn bays that
 * spill into the through lanes when full (turn-pockets.ts).
 *
 * The fixed plans are the simulator's defaults (default-plans.ts): Webster-
 * timed for each intersection's expected daily-average flows, protected left
 * phases where the cross-product warrant asks for them at the busier peak
 * hour, one common cycle per district (its critical crossing's) and offsets
 * for an inbound green wave at 45 km/h. Timed for the average day, they are
 * what a competent engineer leaves behind; the morning's inward left turns
 * are what they were not timed for.
 *
 * The adaptive run re-splits every intersection's greens every 3 cycles
 * from the arrivals measured over the last 5 minutes (per-approach Webster,
 * a bay's left turns as a lane group of their own, phase-demand.ts),
 * keeping each district's common cycle and offsets so the green wave holds.
 *
 * The demand is calibrated (demand.ts, measured by `measurePeakLoad` below)
 * to a congested peak that is not a gridlock: the 10 most loaded crossings
 * at a median critical degree of saturation of 0.92, and the vehicles in
 * the system levelling off at about 11,900 from 08:00 to 08:30 and falling
 * to 9,600 by 09:00. At the demand before the calibration (twice this) they
 * grew from 13,500 to 42,400, and the figures measured the gridlock.
 *
 * Measured (seed DEFAULT_DEMO_SEED) at the calibrated demand: fixed 98.0 s,
 * adaptive 91.3 s (−6.8 %), max-pressure 86.2 s (−12.0 %) with every green
 * held to its pedestrian clearance and the timing the RESCO bench measured
 * (`clearanceTiming`: 89.8 s, −8.3 %, with a fixed 5 s step; 69.5 s,
 * −29.1 %, while max-pressure still cut pedestrians' time short — a safety
 * fault, fixed). Before the
 * calibration: fixed 361.5 s, adaptive 318.1 s (−12.0 %), max-pressure
 * 339.3 s (−6.1 %). The issue's 20 % is not reached; why, and what was
 * tried, is in adaptive-controller.ts.
 *
 * Average vehicle delay = (vehicle-seconds in the system, waiting to enter
 * included, − vehicle-seconds the distance driven takes at free speed) /
 * trips completed, over the two hours.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_DEMO_SEED, generateDemoCity } from '../backend-bridge/city/demo-city';
import type { CityModel } from '../backend-bridge/city/city-model';
import { approachBearingsDeg } from '../backend-bridge/protocol/signal-rules';
import { recommendPlan } from '../backend-bridge/protocol/signal-timing';
import { AdaptiveController } from '../backend-bridge/signals/adaptive-controller';
import { phaseDemandOf } from '../backend-bridge/signals/phase-demand';
import { PlanHistory } from '../backend-bridge/signals/plan-history';
import { PlanService } from '../backend-bridge/signals/plan-service';
import { SimSignalAccess } from '../backend-bridge/sources/simulator/sim-signal-access';
import { defaultStartSimTimeMs } from '../backend-bridge/sources/simulator/sim-calendar';
import { TrafficSim } from '../backend-bridge/sources/simulator/traffic-sim';
import { type CrossingSaturation, crossingSaturations } from '../backend-bridge/sources/simulator/degree-of-saturation';
import { peakSourceRatesVehPerS } from '../backend-bridge/sources/simulator/demand';
import { demandFlowsOverVehPerS } from '../backend-bridge/sources/simulator/tidal-demand';
import { AuditLog } from '../backend-bridge/store/audit-log';
import { openDatabase } from '../backend-bridge/store/database';

/**
 * The morning peak: 07:00 (the default start, after its 10-minute warm-up)
 * to 09:00 local sim time, the top of the demand profile at 08:00 in the
 * middle; the three runs take about 25 s here.
 */
const PEAK_S = 2 * 3600;
/** Sim seconds between the adaptive controller's looks, as often as the bridge's ~1 Hz cadence at 10× speed. */
const CONTROL_INTERVAL_S = 10;

export interface SignalBench {
  fixedAvgDelayS: number;
  adaptiveAvgDelayS: number;
  /** (fixed − adaptive) / fixed, percent: Webster re-splitting, `adaptive_delay_reduction_pct`. */
  reductionPct: number;
  maxPressureAvgDelayS: number;
  /** (fixed − max-pressure) / fixed, percent. */
  maxPressureReductionPct: number;
  /** Wall time of one intersection's recommendation (measure, phase demand, Webster), ms. */
  websterPlanMs: number;
}

export async function measureSignalControl(): Promise<SignalBench> {
  const city = generateDemoCity();
  const fixedAvgDelayS = runPeak(city).avgDelayS;
  const adaptive = adaptiveSim(city);
  const adaptiveAvgDelayS = (await runPeakAsync(adaptive.sim, (simTimeMs) => adaptive.controller.tick(simTimeMs))).avgDelayS;
  const maxPressureAvgDelayS = runPeak(city, (sim) => {
    const signals = new SimSignalAccess(sim);
    for (const nodeId of signals.nodeIds()) signals.setActuation(nodeId, 'maxpressure');
  }).avgDelayS;
  const reductionPct = (delayS: number) => (100 * (fixedAvgDelayS - delayS)) / fixedAvgDelayS;
  return {
    fixedAvgDelayS,
    adaptiveAvgDelayS,
    reductionPct: reductionPct(adaptiveAvgDelayS),
    maxPressureAvgDelayS,
    maxPressureReductionPct: reductionPct(maxPressureAvgDelayS),
    websterPlanMs: timeRecommendationMs(adaptive.sim),
  };
}

const newSim = (city: CityModel, demandScale = 1) =>
  new TrafficSim(city, { seed: DEFAULT_DEMO_SEED, startSimTimeMs: defaultStartSimTimeMs(city.meta.timeZone), demandScale });

/** Crossings the load figures name: the most loaded few, where a city's peak first reaches capacity. */
const BUSIEST_CROSSINGS = 10;
/** Sim seconds between the counts of vehicles in the system. */
const COUNT_EVERY_S = 1800;

export interface PeakLoad {
  /** The crossings with the largest critical x under the fixed plans' cycles, over the peak hour 07:30–08:30 (degree-of-saturation.ts). */
  busiest: CrossingSaturation[];
  /** Median critical x of the `busiest`. */
  busiestMedianX: number;
  /** Signalized crossings with critical x > 1, and with split x > 1 (the fixed greens), and how many there are. */
  overCapacity: number;
  overCapacityAsSplit: number;
  crossings: number;
  /** Vehicles on the links and waiting to enter at 07:00, 07:30, … 09:00 under the fixed plans. */
  inSystemVeh: number[];
}

/**
 * How loaded the morning peak is, under the fixed plans: the calibration
 * measure of the demo city's demand (demand.ts). The turning fractions that
 * fix the movements' saturation flows are those of 08:00, when the crossings
 * are read.
 *
 * @param demandScale multiplies the city's trip generation, for trying other demand levels; @default 1
 */
export function measurePeakLoad(demandScale = 1): PeakLoad {
  const city = generateDemoCity();
  const sim = newSim(city, demandScale);
  const signals = new SimSignalAccess(sim);
  const inSystemVeh = [sim.totals().inSystem];
  let busiest: CrossingSaturation[] = [];
  let overCapacity = 0;
  let overCapacityAsSplit = 0;
  for (let s = 1; s <= PEAK_S; s++) {
    sim.step();
    if (s % COUNT_EVERY_S === 0) inSystemVeh.push(sim.totals().inSystem);
    if (s === PEAK_S / 2) {
      const rates = peakSourceRatesVehPerS(city.meta, sim.network, { demandScale });
      const demand = demandFlowsOverVehPerS(sim.network, rates, 7.5, 8.5);
      const plans = new Map(signals.nodeIds().map((id) => [id, sim.runningPlan(id)]));
      const all = crossingSaturations(sim.network, plans, demand);
      busiest = all.slice(0, BUSIEST_CROSSINGS);
      overCapacity = all.filter((c) => c.criticalX > 1).length;
      overCapacityAsSplit = all.filter((c) => c.splitX > 1).length;
    }
  }
  const xs = busiest.map((c) => c.criticalX);
  return {
    busiest,
    busiestMedianX: (xs[(xs.length - 1) >> 1]! + xs[xs.length >> 1]!) / 2,
    overCapacity,
    overCapacityAsSplit,
    crossings: signals.nodeIds().length,
    inSystemVeh,
  };
}

/** @param setUp what to do to the warmed-up sim before the peak (e.g. hand its signals to max-pressure); @default nothing */
function runPeak(city: CityModel, setUp: (sim: TrafficSim) => void = () => {}): { avgDelayS: number } {
  const sim = newSim(city);
  setUp(sim);
  const meter = new DelayMeter(sim);
  for (let s = 0; s < PEAK_S; s++) meter.step();
  return { avgDelayS: meter.avgDelayS() };
}

async function runPeakAsync(sim: TrafficSim, control: (simTimeMs: number) => Promise<void>): Promise<{ avgDelayS: number }> {
  const meter = new DelayMeter(sim);
  for (let s = 0; s < PEAK_S; s++) {
    if (s % CONTROL_INTERVAL_S === 0) await control(sim.simTimeMs);
    meter.step();
  }
  return { avgDelayS: meter.avgDelayS() };
}

function adaptiveSim(city: CityModel): { sim: TrafficSim; controller: AdaptiveController } {
  const sim = newSim(city);
  const signals = new SimSignalAccess(sim);
  const db = openDatabase(null);
  const audit = new AuditLog(db);
  const plans = new PlanService({
    signals,
    history: new PlanHistory(db),
    audit,
    bearingsOf: (nodeId) => approachBearingsDeg(city.meta, nodeId),
    simTimeMs: () => sim.simTimeMs,
    onChange: () => {},
  });
  const controller = new AdaptiveController(signals, plans, {
    onError: (nodeId, error) => process.stderr.write(`adaptive ${nodeId}: ${String(error)}\n`),
  });
  for (const nodeId of signals.nodeIds()) controller.setAdaptive(nodeId, true);
  return { sim, controller };
}

/** Sums delay and completed trips while stepping a sim. */
class DelayMeter {
  private vehInSystemS = 0;
  private readonly startFreeS: number;
  private readonly startRemoved: number;

  constructor(private readonly sim: TrafficSim) {
    this.startFreeS = this.freeFlowS();
    this.startRemoved = sim.totals().removed;
  }

  step(): void {
    this.vehInSystemS += this.sim.totals().inSystem * this.sim.network.stepS;
    this.sim.step();
  }

  avgDelayS(): number {
    const trips = this.sim.totals().removed - this.startRemoved;
    return (this.vehInSystemS - (this.freeFlowS() - this.startFreeS)) / trips;
  }

  /** Vehicle-seconds the distance driven so far takes at free speed. */
  private freeFlowS(): number {
    const { links } = this.sim.network;
    const sums = { vehSeconds: 0, vehMetres: 0, exitVeh: 0, entryVeh: 0 };
    let total = 0;
    for (let l = 0; l < links.count; l++) total += this.sim.linkSums(l, sums).vehMetres / links.freeSpeedMps[l]!;
    return total;
  }
}

function timeRecommendationMs(sim: TrafficSim): number {
  const signals = new SimSignalAccess(sim);
  const [nodeId] = signals.nodeIds();
  const recommend = () => {
    const plan = signals.runningPlan(nodeId!);
    return recommendPlan(plan, phaseDemandOf(plan, signals.measure(nodeId!), signals.movements(nodeId!)), { keepCycle: true });
  };
  for (let i = 0; i < 200; i++) recommend(); // lets the JIT settle
  const runs = 2000;
  const startMs = performance.now();
  for (let i = 0; i < runs; i++) recommend();
  return (performance.now() - startMs) / runs;
}
