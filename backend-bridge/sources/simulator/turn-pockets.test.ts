import { describe, expect, it } from 'vitest';
import { type SignalPlan, TURNS } from '../../protocol/signals';
import { crossingCity } from '../../signals/crossing-city.fixture';
import { TrafficSim } from './traffic-sim';
import { testPhase as phase } from '../../protocol/signal-phase.fixture';

const LEFT = TURNS.indexOf('left');

/** The four-arm crossing with three-lane approaches: each gets a left-turn bay. */
function wideCrossing() {
  const city = crossingCity();
  for (const link of city.meta.links) if (link.id.endsWith('In')) Object.assign(link, { lanes: 3, capacityVehPerH: 5400 });
  return city;
}

/** North approach's through and right on green for 200 s; everything else, its left turn included, for 10 s. */
function northGoesStraight(sim: TrafficSim): SignalPlan {
  const movements = sim.movements('x');
  const main = movements.filter((m) => m.inLinkId === 'nIn' && m.turn !== 'left').map((m) => m.id);
  const rest = movements.filter((m) => !main.includes(m.id)).map((m) => m.id);
  return { nodeId: 'x', version: 2, cycleS: 220, offsetS: 0, phases: [phase('main', main, 200), phase('rest', rest, 10)] };
}

describe('left-turn bays in the simulator', () => {
  it('give the left turners of a wide approach a queue of their own, which holds the through traffic only once it is full', () => {
    const sim = new TrafficSim(wideCrossing(), { seed: 5, warmUpS: 0, demandScale: 3, randomIncidentsPerHour: 0 });
    const net = sim.network;
    const nIn = net.linkIndex.get('nIn')!;
    const bay = net.pockets.ofLink[nIn]!;
    expect(bay).toBeGreaterThanOrEqual(0);
    const left = net.pockets.movement[bay]!;
    expect(net.movements.turn[left]).toBe(LEFT);
    expect(net.movements.fromLink[left]).toBe(nIn);

    sim.setPlan('x', northGoesStraight(sim));
    while (!(sim.signalState('x').phaseIndex === 0 && sim.runningPlan('x').version === 2)) sim.step();
    const sums = { vehSeconds: 0, vehMetres: 0, exitVeh: 0, entryVeh: 0 };
    const exitsOver = (seconds: number) => {
      const before = sim.linkSums(nIn, sums).exitVeh;
      sim.advance(seconds);
      return sim.linkSums(nIn, sums).exitVeh - before;
    };

    // While the bay has room the held left turners wait in it and the through lanes run at their pace.
    while (sim.bayVehOf(left) < 1) sim.step();
    const flowingVehPerS = exitsOver(10) / 10;
    expect(flowingVehPerS).toBeGreaterThan(0.5);
    expect(sim.bayVehOf(left)).toBeLessThan(net.pockets.maxVeh[bay]! * 0.9);

    // Once it is full the next left turner waits in a through lane, and the approach stops.
    while (sim.bayVehOf(left) < net.pockets.maxVeh[bay]! - 1e-6) sim.step();
    sim.advance(30); // what was past the bay's entry drains
    expect(sim.signalState('x')).toMatchObject({ phaseIndex: 0, interval: 'green' });
    expect(exitsOver(20) / 20).toBeLessThan(0.1 * flowingVehPerS);
    expect(sim.queueVeh(nIn)).toBeGreaterThan(net.pockets.maxVeh[bay]!);
  });

  it('are only where an approach to a signal has three lanes or more', () => {
    const narrow = new TrafficSim(crossingCity(), { seed: 5, warmUpS: 0, randomIncidentsPerHour: 0 });
    expect(narrow.network.pockets.count).toBe(0);
    const wide = new TrafficSim(wideCrossing(), { seed: 5, warmUpS: 0, randomIncidentsPerHour: 0 });
    expect([...wide.network.pockets.link].map((l) => wide.network.links.ids[l])).toEqual(['nIn', 'sIn', 'eIn', 'wIn']);
  });
});
