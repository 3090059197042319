import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../city/demo-city';
import { DRILL_LEVELS, detailFiguresSchema, parseAt } from '../protocol';
import { sinkWith } from '../sources/live-sink.fixture';
import { SimulatorSource } from '../sources/simulator/simulator-source';
import { CityIndex } from './city-index';
import { detailFigures } from './detail-figures';
import { DrillState } from './drill-state';

describe('figures on the running demo city', () => {
  it('are accepted by the protocol for every entity of every level, measured or estimated', async () => {
    const city = generateDemoCity();
    const state = new DrillState(new CityIndex(city));
    let areaReports = 0;
    const sink = sinkWith({
      linkTraffic: (traffic) => state.linkTraffic(traffic),
      areaTraffic: (area) => {
        state.areaTraffic(area);
        areaReports++;
      },
      clock: (clock) => state.clock(clock),
      incidents: () => {},
      devices: (updates) => state.devices(updates),
    });
    const simulator = new SimulatorSource(city, { sim: { seed: city.meta.seed ?? 0 }, runner: { speedFactor: 60 } });
    simulator.start(sink);
    try {
      await expect.poll(() => areaReports, { timeout: 60_000 }).toBeGreaterThan(2);
    } finally {
      simulator.stop();
    }

    const ids = {
      city: [undefined],
      district: city.meta.districts.map((d) => d.id),
      intersection: city.meta.nodes.map((n) => n.id),
      link: city.meta.links.map((l) => l.id),
      device: city.meta.devices.map((d) => d.id),
    };
    const refused: string[] = [];
    // With the simulator's signal measurements, and without (as for a source that has none).
    for (const signals of [simulator.signals, undefined]) {
      const inputs = state.inputs([], signals, { modeOf: () => 'fixed' });
      for (const level of DRILL_LEVELS) {
        for (const id of ids[level]) {
          try {
            parseAt(detailFiguresSchema, detailFigures(inputs, level, id), 'figures');
          } catch (error) {
            refused.push(`${signals ? 'measured' : 'estimated'} ${level} ${id}: ${(error as Error).message}`);
          }
        }
      }
    }
    expect(refused.slice(0, 5)).toEqual([]);

    const { devices } = state.inputs([], undefined, { modeOf: () => 'fixed' });
    const statuses = city.meta.devices.map((device) => devices.get(device.id)?.status);
    expect(statuses.filter((status) => status === 'online').length / statuses.length).toBeGreaterThan(0.9);
  }, 120_000);
});
