import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SumoGrid, makeSumoGrid } from './sumo-grid.fixture';
import { loadSumoScenario } from './sumo-scenario';

let grid: SumoGrid;
beforeAll(() => {
  grid = makeSumoGrid();
});
afterAll(() => grid?.dispose());

describe('loadSumoScenario', () => {
  it('builds the city from the net the .sumocfg names, with the time zone and id asked for', () => {
    const { cfg, network } = loadSumoScenario({ configFile: grid.configFile, id: 'grid', timeZone: 'Europe/Berlin' });
    expect(cfg).toMatchObject({ netFile: join(grid.dir, 'grid.net.xml'), beginS: 0, endS: 3600, stepLengthS: 1 });
    expect(network.city.meta).toMatchObject({ id: 'grid', timeZone: 'Europe/Berlin', buildingCount: 0 });
    // 3×3 grid, two directions per block: 12 blocks × 2.
    expect(network.city.meta.links).toHaveLength(24);
    expect(network.city.meta.nodes.filter((node) => node.signalized).length).toBe(5);
  });

  it('names the scenario and the file at fault: a missing .sumocfg, a missing or broken net', () => {
    const missing = join(grid.dir, 'nowhere.sumocfg');
    expect(() => loadSumoScenario({ configFile: missing })).toThrow(`SUMO scenario ${missing}: ${missing}: cannot be read (no such file)`);
    const noNet = join(grid.dir, 'no-net.sumocfg');
    writeFileSync(noNet, '<configuration><input><net-file value="gone.net.xml"/><route-files value="grid.rou.xml"/></input></configuration>');
    expect(() => loadSumoScenario({ configFile: noNet })).toThrow(`SUMO scenario ${noNet}: ${noNet}: net-file gone.net.xml does not exist`);
    writeFileSync(join(grid.dir, 'bad.net.xml'), '<net><edge id="a"></net>');
    const badNet = join(grid.dir, 'bad-net.sumocfg');
    writeFileSync(
      badNet,
      '<configuration><input><net-file value="bad.net.xml"/><route-files value="grid.rou.xml"/></input><time><begin value="0"/><end value="9"/></time></configuration>',
    );
    expect(() => loadSumoScenario({ configFile: badNet })).toThrow(new RegExp(`^SUMO scenario ${badNet}: .*bad\\.net\\.xml.*not well-formed`));
  });
});
