import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_SEED, generateDemoCity } from '../../city/demo-city';
import { CONGESTION_LEVELS } from '../../protocol/traffic';
import { crossingSaturations } from './degree-of-saturation';
import { peakSourceRatesVehPerS } from './demand';
import { SimSignalAccess } from './sim-signal-access';
import { demandFlowsOverVehPerS } from './tidal-demand';
import { TrafficSim } from './traffic-sim';

const city = generateDemoCity();
const HEAVY = CONGESTION_LEVELS.indexOf('heavy');
/** The old centre within the inner ring, both banks of the river. */
const CENTRAL_DISTRICTS = new Set(['shangcheng', 'binjiang']);
const central = city.meta.links.flatMap((link, i) => (CENTRAL_DISTRICTS.has(link.districtId) ? [i] : []));
const centralBridges = central.filter((i) => city.meta.links[i]!.name.en.endsWith(' Bridge'));
const at = (localHour: number, minute = 0) => Date.UTC(2024, 5, 3, localHour - 8, minute);

/** Share of the given links at heavy or jammed over the last five minutes before `untilMs`. */
function congestedShare(sim: TrafficSim, untilMs: number, links: number[]): number {
  sim.advance((untilMs - sim.simTimeMs) / 1000 - 300);
  sim.linkMetrics();
  sim.advance(300);
  const { level } = sim.linkMetrics();
  return links.filter((i) => level[i]! >= HEAVY).length / links.length;
}

// Whole-city simulation runs of a few seconds each: a busy machine (CI beside other work) needs more than the default 5 s.
describe('traffic in the demo city', { timeout: 60_000 }, () => {
  // The demand is calibrated to a congested, not gridlocked, peak (demand.ts): the centre slows to about half its
  // free speed with queues on its bridges, the outskirts stay near free flow.
  it('congests the centre and a river bridge in the morning peak, well above the outskirts', () => {
    const sim = new TrafficSim(city, { seed: DEFAULT_DEMO_SEED, startSimTimeMs: at(7, 30) });
    sim.advance((at(8, 30) - sim.simTimeMs) / 1000 - 300);
    sim.linkMetrics();
    sim.advance(300); // the figures cover 08:25–08:30
    const { level } = sim.linkMetrics();
    expect(centralBridges.some((i) => level[i]! >= HEAVY)).toBe(true);
    const { districts } = sim.areaMetrics();
    const centre = districts.filter((d) => CENTRAL_DISTRICTS.has(d.districtId));
    const outskirts = districts.filter((d) => !CENTRAL_DISTRICTS.has(d.districtId));
    for (const d of centre) expect(d.travelTimeIndex).toBeGreaterThan(1.6);
    for (const d of outskirts) expect(d.travelTimeIndex).toBeLessThan(Math.min(...centre.map((c) => c.travelTimeIndex)));
  });

  // The calibration criterion of demand.ts, so that a change of demand, turning or plans that breaks it shows.
  it('brings the busiest crossings near capacity at the peak, and the vehicles in the system level off', () => {
    const sim = new TrafficSim(city, { seed: DEFAULT_DEMO_SEED });
    sim.advance((at(8) - sim.simTimeMs) / 1000);
    const signals = new SimSignalAccess(sim);
    const plans = new Map(signals.nodeIds().map((id) => [id, sim.runningPlan(id)]));
    const demand = demandFlowsOverVehPerS(sim.network, peakSourceRatesVehPerS(city.meta, sim.network), 7.5, 8.5);
    const busiest = crossingSaturations(sim.network, plans, demand).slice(0, 10);
    const medianX = (busiest[4]!.criticalX + busiest[5]!.criticalX) / 2;
    expect(medianX).toBeGreaterThan(0.9);
    expect(medianX).toBeLessThan(1);
    const atTopVeh = sim.totals().inSystem;
    sim.advance(1800);
    expect(Math.abs(sim.totals().inSystem / atTopVeh - 1)).toBeLessThan(0.05);
  });

  it('flows freely at 03:00', () => {
    const sim = new TrafficSim(city, { seed: DEFAULT_DEMO_SEED, startSimTimeMs: at(3) });
    expect(congestedShare(sim, at(3, 15), city.meta.links.map((_, i) => i))).toBeLessThan(0.01);
    expect(sim.areaMetrics().city.travelTimeIndex).toBeLessThan(1.5); // what remains is waiting at red lights
  });

  it('starts the default day loaded: vehicles on every district’s roads', () => {
    const sim = new TrafficSim(city, { seed: DEFAULT_DEMO_SEED });
    expect(new Date(sim.simTimeMs).toISOString()).toBe('2024-06-02T23:00:00.000Z');
    for (const district of sim.areaMetrics().districts) expect(district.vehicles).toBeGreaterThan(100);
  });

  it('gives the same state for the same seed and a different one for another', () => {
    const run = (seed: number) => {
      const sim = new TrafficSim(city, { seed, warmUpS: 60, randomIncidentsPerHour: 60 });
      sim.advance(300);
      return { cells: sim.cellVehicles().slice(), speed: sim.linkMetrics().speedKmh.slice(), incidents: sim.incidents(), totals: sim.totals() };
    };
    const first = run(7);
    expect(run(7)).toEqual(first);
    const other = run(8);
    expect(other.cells).not.toEqual(first.cells);
    expect(other.incidents).not.toEqual(first.incidents);
  });
});
