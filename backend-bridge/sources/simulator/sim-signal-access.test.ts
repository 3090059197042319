import { describe, expect, it } from 'vitest';
import type { SignalPlan } from '../../protocol/signals';
import { chainCity } from './chain-city.fixture';
import { SimSignalAccess } from './sim-signal-access';
import { TrafficSim } from './traffic-sim';
import { testPhase } from '../../protocol/signal-phase.fixture';

/** Two links with a signal at n1 between them; l2 is wider, so it never holds l1 back. */
const corridor = () =>
  chainCity(
    [
      { lengthM: 160, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 },
      { lengthM: 160, lanes: 3, freeSpeedKmh: 50, capacityVehPerH: 5400 },
    ],
    [1],
  );

const phase = (id: string, movementIds: string[], greenS: number) => testPhase(id, movementIds, greenS, { minGreenS: 5 });

/** l1 gets `goS` of green in a cycle of goS + walkS + 10 s, the rest goes to a pedestrian phase. */
const plan = (version: number, goS: number, walkS: number): SignalPlan => ({
  nodeId: 'n1',
  version,
  cycleS: goS + walkS + 10,
  offsetS: 0,
  phases: [phase('go', ['l1>l2'], goS), phase('walk', [], walkS)],
});

function corridorSim(): { sim: TrafficSim; access: SimSignalAccess } {
  const sim = new TrafficSim(corridor(), { seed: 1, warmUpS: 0, demandScale: 2, tripEndShare: 0, randomIncidentsPerHour: 0 });
  return { sim, access: new SimSignalAccess(sim) };
}

describe('the simulator’s SignalAccess', () => {
  it('lists the signalized nodes and their movements', () => {
    const { access } = corridorSim();
    expect(access.nodeIds()).toEqual(['n1']);
    expect(access.movements('n1')).toEqual([{ id: 'l1>l2', inLinkId: 'l1', outLinkId: 'l2', turn: 'through' }]);
  });

  it('applies a plan exactly at the running plan’s next cycle boundary, and says when', async () => {
    const { sim, access } = corridorSim();
    const running = access.runningPlan('n1');
    sim.advance(7);
    const { effectiveSimTimeMs } = await access.apply(plan(2, 40, 20));
    const nowS = sim.simTimeMs / 1000;
    const boundaryS = nowS + ((((running.offsetS - nowS) % running.cycleS) + running.cycleS) % running.cycleS);
    expect(effectiveSimTimeMs).toBe(boundaryS * 1000);
    expect(access.pending('n1')).toEqual({ plan: plan(2, 40, 20), effectiveSimTimeMs });

    sim.advance(boundaryS - nowS - 1);
    expect(access.runningPlan('n1').version).toBe(1); // one second before the boundary
    sim.step();
    expect(sim.simTimeMs).toBe(effectiveSimTimeMs);
    expect(access.runningPlan('n1')).toEqual(plan(2, 40, 20));
    expect(access.pending('n1')).toBeUndefined();
    expect(access.state('n1').phaseIndex).toBe(0);
  });

  it('refuses a plan for a node without a signal, naming it', async () => {
    const { access } = corridorSim();
    await expect(access.apply({ ...plan(2, 40, 20), nodeId: 'n2' })).rejects.toThrow('node n2 has no signal plan');
  });

  it('measures no negative volume, flow, queue or delay right after a warm-up (regression: the settling left snapshots larger than the totals)', () => {
    const sim = new TrafficSim(corridor(), { seed: 1, warmUpS: 600, demandScale: 2, tripEndShare: 0, randomIncidentsPerHour: 0 });
    const measure = new SimSignalAccess(sim).measure('n1');
    const figures = [
      ...measure.approaches.flatMap((a) => [a.volumeVehPerH, a.queueVeh]),
      ...measure.movements.map((m) => m.flowVehPerH),
      measure.delayPerVehS,
    ];
    expect(measure.approaches[0]!.volumeVehPerH).toBeGreaterThan(100);
    for (const figure of figures) expect(figure).toBeGreaterThanOrEqual(0);
  });

  it('measures arrivals against the movement’s saturation flow, and more delay and queue under a short green', () => {
    const measureAfter = (goS: number, walkS: number) => {
      const { sim, access } = corridorSim();
      void access.apply(plan(2, goS, walkS));
      sim.advance(600);
      return access.measure('n1');
    };
    const generous = measureAfter(50, 10);
    const starved = measureAfter(10, 50);
    const [movement] = generous.movements;
    expect(movement!.saturationFlowVehPerH).toBeCloseTo(3600, 6);
    expect(movement!.flowVehPerH).toBeGreaterThan(100);
    expect(generous.approaches[0]!.volumeVehPerH).toBeGreaterThan(100);
    expect(starved.delayPerVehS).toBeGreaterThan(generous.delayPerVehS + 10);
    expect(starved.approaches[0]!.queueVeh).toBeGreaterThan(generous.approaches[0]!.queueVeh);
  });
});
