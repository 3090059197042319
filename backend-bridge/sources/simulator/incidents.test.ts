import { describe, expect, it } from 'vitest';
import { chainCity } from './chain-city.fixture';
import { Incidents } from './incidents';
import { compileNetwork } from './network';
import { TrafficSim } from './traffic-sim';

/** Three 500 m links of 2 lanes at 50 km/h, 3600 veh/h: 36 cells of ~13.9 m each, no signals. */
const road = () => chainCity(Array.from({ length: 3 }, () => ({ lengthM: 500, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 })));

function roadSim(): TrafficSim {
  // About 0.55 veh/s enter at n0 at 07:00: well under the road's capacity, far over what the incident leaves.
  return new TrafficSim(road(), { seed: 1, demandScale: 6, tripEndShare: 0, randomIncidentsPerHour: 0 });
}

/** Cells of a link at 90 % of jam density or more. */
function jammedCells(sim: TrafficSim, link: number): number {
  const { cellStart, cellMaxVeh } = sim.network.links;
  const cells = sim.cellVehicles();
  let count = 0;
  for (let c = cellStart[link]!; c < cellStart[link + 1]!; c++) if (cells[c]! >= 0.9 * cellMaxVeh[link]!) count++;
  return count;
}

describe('incidents', () => {
  it('grow a queue back from the incident, through its link and into the link upstream', () => {
    const sim = roadSim();
    expect(jammedCells(sim, 0) + jammedCells(sim, 1)).toBe(0);
    const incident = sim.addIncident({ linkIndex: 1, capacityFactor: 0.1, durationS: 3600 });
    expect(incident).toMatchObject({ id: 'inc-1', linkId: 'l2', startSimTimeMs: sim.simTimeMs, endSimTimeMs: sim.simTimeMs + 3_600_000 });

    // The queue's tail moves upstream through l2 (32 cells behind the 4 blocked ones) ...
    const queue: number[] = [];
    for (let halfMinute = 1; halfMinute <= 6; halfMinute++) {
      sim.advance(30);
      queue.push(jammedCells(sim, 1));
    }
    expect(queue.every((cells, i) => i === 0 || cells > queue[i - 1]!)).toBe(true);
    expect(jammedCells(sim, 0)).toBe(0);

    // ... and on into l1.
    sim.advance(600);
    expect(jammedCells(sim, 0)).toBeGreaterThan(0); // spilled back into l1
    sim.linkMetrics();
    sim.advance(60);
    const metrics = sim.linkMetrics();
    expect(metrics.level[0]).toBeGreaterThanOrEqual(3); // l1 heavy or jammed
    expect(metrics.flowVehPerH[2]).toBeCloseTo(360, 0); // l3 gets what the incident lets through: 10 % of 3600
  });

  it('release the queue once cleared or expired, and list only active ones', () => {
    const sim = roadSim();
    const first = sim.addIncident({ linkIndex: 1, capacityFactor: 0, durationS: 600 });
    const second = sim.addIncident({ linkIndex: 2, capacityFactor: 0.5, durationS: 60 });
    expect(sim.incidents().map((i) => i.id)).toEqual([first.id, second.id]);
    sim.advance(60);
    expect(sim.incidents().map((i) => i.id)).toEqual([first.id]);
    sim.advance(300);
    const queued = jammedCells(sim, 1);
    expect(queued).toBeGreaterThan(0);
    expect(sim.removeIncident(first.id)).toBe(true);
    expect(sim.removeIncident(first.id)).toBe(false);
    sim.advance(600);
    expect(jammedCells(sim, 1)).toBe(0);
  });

  it('names a bad field of an incident', () => {
    const sim = roadSim();
    expect(() => sim.addIncident({ linkIndex: 3, capacityFactor: 0.5, durationS: 60 })).toThrow('incident.linkIndex: must be ≤ 2, got 3');
    expect(() => sim.addIncident({ linkIndex: 0, capacityFactor: 1.5, durationS: 60 })).toThrow('incident.capacityFactor: must be ≤ 1, got 1.5');
    expect(() => sim.addIncident({ linkIndex: 0, capacityFactor: 0.5, durationS: 0 })).toThrow('incident.durationS: must be ≥');
    expect(() => sim.addIncident({ linkIndex: 0, capacityFactor: 0.5 })).toThrow('incident.durationS: is required');
  });

  it('start at random at about the configured rate, each lasting 15 to 45 minutes', () => {
    const net = compileNetwork(road().meta, { seed: 1 });
    const capacity = new Float64Array(net.cellCount);
    const incidents = new Incidents(net, capacity, { seed: 7, randomPerHour: 6 });
    const seen = new Map<string, number>();
    const startMs = Date.UTC(2024, 5, 3);
    for (let s = 0; s < 20 * 3600; s++) {
      incidents.update(startMs + s * 1000);
      for (const incident of incidents.list()) seen.set(incident.id, incident.endSimTimeMs - incident.startSimTimeMs);
    }
    expect(seen.size).toBeGreaterThan(80); // 120 expected over 20 h
    expect(seen.size).toBeLessThan(160);
    for (const durationMs of seen.values()) {
      expect(durationMs).toBeGreaterThanOrEqual(15 * 60_000);
      expect(durationMs).toBeLessThanOrEqual(45 * 60_000);
    }
  });
});
