import { describe, expect, it } from 'vitest';
import { type SignalState, signalStateAt } from '../../protocol/signals';
import { crossingCity } from '../../signals/crossing-city.fixture';
import { TrafficSim } from './traffic-sim';

/** The four-arm crossing with its north and south arms twice as wide: twice the traffic enters there. */
function lopsidedCrossing() {
  const city = crossingCity();
  for (const link of city.meta.links) {
    if (link.id === 'nIn' || link.id === 'sIn') Object.assign(link, { lanes: 4, capacityVehPerH: 7200 });
  }
  return city;
}

interface Shown {
  atS: number;
  state: SignalState;
}

function record(sim: TrafficSim, seconds: number): Shown[] {
  const shown: Shown[] = [];
  for (let s = 0; s < seconds; s++) {
    shown.push({ atS: sim.simTimeMs / 1000, state: sim.signalState('x') });
    sim.step();
  }
  return shown;
}

/** Runs of one phase and interval, in order, with their lengths in seconds. */
function runs(shown: readonly Shown[]): { phaseIndex: number; interval: string; lengthS: number }[] {
  const result: { phaseIndex: number; interval: string; lengthS: number }[] = [];
  for (const { state } of shown) {
    const last = result.at(-1);
    if (last && last.phaseIndex === state.phaseIndex && last.interval === state.interval) last.lengthS++;
    else result.push({ phaseIndex: state.phaseIndex, interval: state.interval, lengthS: 1 });
  }
  return result;
}

/** Every green that ends goes through its own yellow and then its all-red before another phase's green. */
function expectClearances(sequence: ReturnType<typeof runs>, yellowS: number, allRedS: number): void {
  for (let i = 0; i + 1 < sequence.length; i++) {
    const run = sequence[i]!;
    const next = sequence[i + 1]!;
    if (run.interval === 'green') expect(next).toMatchObject({ phaseIndex: run.phaseIndex, interval: 'yellow' });
    if (run.interval === 'yellow') expect(next).toMatchObject({ phaseIndex: run.phaseIndex, interval: 'all-red' });
    if (run.interval === 'all-red') expect(next.interval).toBe('green');
    if (i > 0 && run.interval === 'yellow') expect(run.lengthS).toBe(yellowS);
    if (i > 0 && run.interval === 'all-red') expect(run.lengthS).toBe(allRedS);
  }
}

describe('max-pressure actuation in the simulator', () => {
  it('serves the loaded approach longer, never cuts a green below its minimum, and shows yellow and all-red at each change', () => {
    const sim = new TrafficSim(lopsidedCrossing(), { seed: 3, warmUpS: 120, randomIncidentsPerHour: 0 });
    const plan = sim.runningPlan('x');
    const along = (axis: string) => plan.phases.flatMap((p, i) => (p.id.startsWith(axis) ? [i] : []));
    expect(sim.actuation('x')).toBe('plan');
    sim.setActuation('x', 'maxpressure');
    expect(sim.actuation('x')).toBe('maxpressure');
    expect(sim.runningPlan('x')).toEqual(plan);

    const sequence = runs(record(sim, 1200));
    const greens = sequence.filter((r) => r.interval === 'green');
    expect(greens.length).toBeGreaterThan(4); // it does switch
    // The first green began before max-pressure took over; each later one runs at least its minimum.
    for (const green of greens.slice(1, -1)) expect(green.lengthS).toBeGreaterThanOrEqual(plan.phases[green.phaseIndex]!.minGreenS);
    expectClearances(sequence, plan.phases[0]!.yellowS, plan.phases[0]!.allRedS);
    const greenS = (phases: number[]) => greens.filter((g) => phases.includes(g.phaseIndex)).reduce((sum, g) => sum + g.lengthS, 0);
    expect(greenS(along('ns'))).toBeGreaterThan(1.3 * greenS(along('ew')));
  });

  it('holds every green at least as long as its pedestrians need to clear the crossing', () => {
    const sim = new TrafficSim(lopsidedCrossing(), { seed: 3, warmUpS: 120, randomIncidentsPerHour: 0 });
    const running = sim.runningPlan('x');
    const walkS = running.phases[0]!.minGreenS + 9;
    const plan = { ...running, version: running.version + 1, phases: running.phases.map((p) => ({ ...p, pedClearanceS: walkS, greenS: Math.max(p.greenS, walkS) })) };
    plan.cycleS = plan.phases.reduce((sum, p) => sum + p.greenS + p.yellowS + p.allRedS, 0);
    sim.setPlan('x', plan);
    record(sim, 2 * plan.cycleS);
    sim.setActuation('x', 'maxpressure');
    const greens = runs(record(sim, 1200)).filter((r) => r.interval === 'green');
    expect(greens.length).toBeGreaterThan(3);
    for (const green of greens.slice(1, -1)) expect(green.lengthS).toBeGreaterThanOrEqual(walkS);
  });

  it('goes back to its plan on the plan’s own clock, through a clearance, and picks the same phases for the same seed', () => {
    const run = () => {
      const sim = new TrafficSim(lopsidedCrossing(), { seed: 3, warmUpS: 120, randomIncidentsPerHour: 0 });
      sim.setActuation('x', 'maxpressure');
      return { sim, shown: record(sim, 300) };
    };
    const { sim, shown } = run();
    expect(run().shown).toEqual(shown);

    sim.setActuation('x', 'plan');
    expect(sim.actuation('x')).toBe('plan');
    const plan = sim.runningPlan('x');
    const back = record(sim, 2 * plan.cycleS + 60);
    expectClearances(runs([...shown.slice(-1), ...back]), plan.phases[0]!.yellowS, plan.phases[0]!.allRedS);
    // Within a cycle and a clearance or two it runs exactly as the plan's clock says.
    for (const { atS, state } of back.slice(-plan.cycleS)) expect(state).toEqual(signalStateAt(plan, atS));
  });

  it('refuses an actuation it does not know and a node without a signal', () => {
    const sim = new TrafficSim(lopsidedCrossing(), { seed: 3, warmUpS: 0, randomIncidentsPerHour: 0 });
    expect(() => sim.setActuation('x', 'fuzzy' as 'plan')).toThrow(/actuation must be 'plan' or 'maxpressure', got "fuzzy"/);
    expect(() => sim.setActuation('n', 'maxpressure')).toThrow(/node n has no signal plan/);
    expect(() => sim.setActuation('nowhere', 'maxpressure')).toThrow(/unknown node "nowhere"/);
  });
});
