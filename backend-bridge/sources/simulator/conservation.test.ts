import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../city/demo-city';
import { Prng } from '../../city/prng';
import type { SignalPlan } from '../../protocol/signals';
import { randomCity } from './random-city.fixture';
import { TrafficSim } from './traffic-sim';

const NETWORKS = 40;
const STEPS_PER_NETWORK = 300;

/** A structurally valid plan that gives the node's movements to 1–3 phases at random. */
function randomPlan(rng: Prng, sim: TrafficSim, nodeId: string): SignalPlan {
  const movementIds = rng.shuffle(sim.movements(nodeId).map((m) => m.id));
  const phaseCount = rng.int(1, 3);
  const phases = Array.from({ length: phaseCount }, (_, i) => ({
    id: `p${i}`,
    name: { zh: `相位${i}`, en: `Phase ${i}` },
    movementIds: movementIds.filter((_, j) => j % phaseCount === i),
    greenS: rng.int(5, 40),
    yellowS: rng.int(0, 4),
    allRedS: rng.int(0, 3),
    minGreenS: 5,
    pedClearanceS: 0,
  }));
  const cycleS = phases.reduce((sum, p) => sum + p.greenS + p.yellowS + p.allRedS, 0);
  return { nodeId, version: sim.plan(nodeId).version + 1, cycleS, offsetS: rng.int(0, cycleS - 1), phases };
}

// Whole-city simulation runs of a few seconds each: a busy machine (CI beside other work) needs more than the default 5 s.
describe('vehicle conservation', { timeout: 60_000 }, () => {
  it('keeps created − removed equal to the vehicles in the system, with no cell below empty or above jam, on random networks', () => {
    let checkedSteps = 0;
    let fullestCell = 0;
    let planChanges = 0;
    let actuationChanges = 0;
    for (let seed = 1; seed <= NETWORKS; seed++) {
      const rng = new Prng(seed, 'conservation-test');
      const city = randomCity(seed);
      const sim = new TrafficSim(city, {
        seed,
        startSimTimeMs: Date.UTC(2024, 5, 3, rng.int(0, 23)),
        warmUpS: rng.int(0, 120),
        demandScale: rng.float(0.2, 30),
        tripEndShare: rng.float(0, 0.3),
        randomIncidentsPerHour: 120,
      });
      const { links } = sim.network;
      const signalized = city.meta.nodes.filter((n) => n.signalized).map((n) => n.id);
      for (let step = 0; step < STEPS_PER_NETWORK; step++) {
        if (rng.chance(0.02)) {
          sim.addIncident({ linkIndex: rng.int(0, links.count - 1), capacityFactor: rng.pick([0, rng.next()]), durationS: rng.int(1, 200) });
        }
        if (signalized.length > 0 && rng.chance(0.02)) {
          const nodeId = rng.pick(signalized);
          sim.setPlan(nodeId, randomPlan(rng, sim, nodeId));
          planChanges++;
        }
        if (signalized.length > 0 && rng.chance(0.01)) {
          sim.setActuation(rng.pick(signalized), rng.pick(['plan', 'maxpressure'] as const));
          actuationChanges++;
        }
        sim.step();
        checkedSteps++;

        const { inSystem, created, removed } = sim.totals();
        expect(Math.abs(created - removed - inSystem)).toBeLessThanOrEqual(1e-9 * Math.max(1, created));
        const cells = sim.cellVehicles();
        for (let l = 0; l < links.count; l++) {
          for (let c = links.cellStart[l]!; c < links.cellStart[l + 1]!; c++) {
            fullestCell = Math.max(fullestCell, cells[c]! / links.cellMaxVeh[l]!);
            if (!(cells[c]! >= 0 && cells[c]! <= links.cellMaxVeh[l]! * (1 + 1e-12))) {
              expect.fail(`network ${seed}, step ${step}: cell ${c} of ${links.ids[l]} holds ${cells[c]} of ${links.cellMaxVeh[l]}`);
            }
          }
        }
      }
    }
    expect(checkedSteps).toBe(NETWORKS * STEPS_PER_NETWORK);
    // The runs must reach the cases that matter: cells at jam density and plans replaced mid-run.
    expect(fullestCell).toBeGreaterThan(0.99);
    expect(planChanges).toBeGreaterThan(50);
    expect(actuationChanges).toBeGreaterThan(25);
  });

  it('keeps it with left-turn bays filling and spilling, under plans and max-pressure, in the demo city at twice its peak', () => {
    const sim = new TrafficSim(generateDemoCity(), { seed: 11, startSimTimeMs: Date.UTC(2024, 5, 3, 0), warmUpS: 300, demandScale: 2 });
    const { pockets } = sim.network;
    expect(pockets.count).toBeGreaterThan(100);
    const signalized = sim.network.nodes.ids.filter((_, n) => sim.network.nodes.signalized[n]);
    signalized.forEach((nodeId, i) => i % 2 === 0 && sim.setActuation(nodeId, 'maxpressure'));
    let fullBays = 0;
    for (let step = 0; step < 600; step++) {
      sim.step();
      const { inSystem, created, removed } = sim.totals();
      expect(Math.abs(created - removed - inSystem)).toBeLessThanOrEqual(1e-9 * created);
      fullBays = 0;
      for (let p = 0; p < pockets.count; p++) {
        const veh = sim.bayVehOf(pockets.movement[p]!);
        if (!(veh >= 0 && veh <= pockets.maxVeh[p]! * (1 + 1e-12))) expect.fail(`step ${step}: bay ${p} holds ${veh} of ${pockets.maxVeh[p]}`);
        if (veh > pockets.maxVeh[p]! * 0.99) fullBays++;
      }
    }
    expect(fullBays).toBeGreaterThan(10);
  });
});
