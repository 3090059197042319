import { describe, expect, it } from 'vitest';
import { positiveModulo, type SignalPlan } from '../../protocol/signals';
import { chainCity } from './chain-city.fixture';
import { TrafficSim } from './traffic-sim';

/**
 * A two-link corridor with a signal at n1 between them. l1: 80 m, 2 lanes,
 * 50 km/h, 3600 veh/h — five 16 m cells, saturation flow 1 vehicle per
 * 1-s step. l2 is wider, so it never holds l1 back.
 */
const corridor = () =>
  chainCity(
    [
      { lengthM: 80, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 },
      { lengthM: 80, lanes: 3, freeSpeedKmh: 50, capacityVehPerH: 5400 },
    ],
    [1],
  );

const phase = (id: string, movementIds: string[], greenS: number, yellowS: number) => ({
  id,
  name: { zh: id, en: id },
  movementIds,
  greenS,
  yellowS,
  allRedS: 0,
  minGreenS: 5,
  pedClearanceS: 0,
});

/** 40 s red for l1 (a pedestrian-only phase), then 17 s green and 3 s yellow; cycle 60 s. */
const redThenGreen = (version: number): SignalPlan => ({
  nodeId: 'n1',
  version,
  cycleS: 60,
  offsetS: 0,
  phases: [phase('walk', [], 40, 0), phase('go', ['l1>l2'], 17, 3)],
});

function corridorSim(): TrafficSim {
  return new TrafficSim(corridor(), { seed: 1, warmUpS: 0, demandScale: 6, tripEndShare: 0, randomIncidentsPerHour: 0 });
}

/** Steps until the plan of `version` runs on its own cycle and phase 0 has just begun. */
function runUntilCycleStart(sim: TrafficSim, version: number): void {
  for (let i = 0; i < 600; i++) {
    const state = sim.signalState('n1');
    if (sim.plan('n1').version === version && state.phaseIndex === 0 && state.remainingS === sim.plan('n1').phases[0]!.greenS) return;
    sim.step();
  }
  throw new Error(`plan ${version} never started a cycle`);
}

describe('signals on a corridor', () => {
  it('builds a queue on red and discharges it at saturation flow on green', () => {
    const sim = corridorSim();
    sim.setPlan('n1', redThenGreen(2));
    runUntilCycleStart(sim, 2);
    sim.linkMetrics(); // close the window so each later call covers one step

    const onL1 = [sim.linkMetrics().vehicles[0]!];
    for (let s = 0; s < 40; s++) {
      sim.step();
      const metrics = sim.linkMetrics();
      expect(metrics.flowVehPerH[0]).toBe(0);
      onL1.push(metrics.vehicles[0]!);
    }
    expect(onL1.every((v, i) => i === 0 || v >= onL1[i - 1]!)).toBe(true);
    expect(onL1[40]! - onL1[0]!).toBeGreaterThan(15);

    expect(sim.signalState('n1')).toEqual({ phaseIndex: 1, interval: 'green', remainingS: 17 });
    for (let s = 0; s < 10; s++) {
      sim.step();
      expect(sim.linkMetrics().flowVehPerH[0]).toBeCloseTo(3600, 6); // 1 vehicle per 1-s step
    }
  });

  it('keeps the running plan until its cycle ends, then dwells in the new phase 0 until the new cycle aligns', () => {
    const sim = corridorSim();
    sim.setPlan('n1', redThenGreen(2));
    runUntilCycleStart(sim, 2);
    const cycleStartS = sim.simTimeMs / 1000;
    sim.advance(10);

    const next: SignalPlan = {
      nodeId: 'n1',
      version: 3,
      cycleS: 50,
      offsetS: 20,
      phases: [phase('go', ['l1>l2'], 27, 3), phase('walk', [], 20, 0)],
    };
    expect(sim.setPlan('n1', next)).toEqual(next);
    expect(sim.plan('n1').version).toBe(3);
    expect(sim.signalState('n1')).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 30 });

    sim.advance(49); // one second before the old cycle ends, in its yellow
    expect(sim.signalState('n1')).toEqual({ phaseIndex: 1, interval: 'yellow', remainingS: 1 });
    sim.step();
    const switchS = cycleStartS + 60;
    const dwellS = positiveModulo(20 - switchS, 50);
    expect(dwellS).toBeGreaterThan(0);
    expect(sim.signalState('n1')).toEqual({ phaseIndex: 0, interval: 'green', remainingS: dwellS + 27 });
    sim.advance(dwellS);
    expect(sim.signalState('n1')).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 27 });
    sim.advance(30);
    expect(sim.signalState('n1')).toEqual({ phaseIndex: 1, interval: 'green', remainingS: 20 });
  });

  it('refuses a plan for another node or with movements the node does not have', () => {
    const sim = corridorSim();
    expect(() => sim.setPlan('n1', { ...redThenGreen(2), nodeId: 'n2' })).toThrow('plan.nodeId: expected "n1", got "n2"');
    const foreign = { ...redThenGreen(2), phases: [phase('walk', [], 40, 0), phase('go', ['l2>l1'], 17, 3)] };
    expect(() => sim.setPlan('n1', foreign)).toThrow('plan.phases[1].movementIds[0]: no movement "l2>l1" at node n1');
    expect(sim.plan('n1').version).toBe(1);
  });

  // The version rule ("exactly the newest + 1") is the bridge's plan service's alone (signal-module.test.ts);
  // a restarted bridge hands the simulator the newest plan of its history, whatever version the simulator runs.
  it('takes a plan whatever its version', () => {
    const sim = corridorSim();
    expect(sim.setPlan('n1', redThenGreen(7)).version).toBe(7);
  });

  it('names the node when it has no signal or does not exist', () => {
    const sim = corridorSim();
    expect(() => sim.signalState('n0')).toThrow('node n0 has no signal plan');
    expect(() => sim.plan('n9')).toThrow('unknown node "n9"');
  });
});
