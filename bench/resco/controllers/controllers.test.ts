/**
 * Our controllers against a real SUMO on the 3×3 netgenerate grid, with far
 * more traffic east–west than north–south through the centre light B1.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSumoGrid } from '../../../backend-bridge/sources/sumo/sumo-grid.fixture';
import { sumoArgs } from '../controller';
import { type RescoLine, runResco } from '../runner';
import { readSumoCfg } from '../../../backend-bridge/sources/sumo/sumocfg';
import { OUR_CONTROLLERS } from '.';
import { maxPressureHandler } from './max-pressure';
import { runOverTraci } from './traci-run';

const END_S = 600;
let scenariosDir: string;
let cfgFile: string;

beforeAll(() => {
  scenariosDir = mkdtempSync(join(tmpdir(), 'citybrain-resco-ours-'));
  const grid = makeSumoGrid();
  const folder = join(scenariosDir, 'grid');
  renameSync(grid.dir, folder);
  const flow = (id: string, from: string, to: string, vehsPerHour: number) =>
    `  <flow id="${id}" from="${from}" to="${to}" begin="0" end="${END_S}" vehsPerHour="${vehsPerHour}"/>`;
  writeFileSync(
    join(folder, 'grid.rou.xml'),
    ['<routes>', flow('east', 'A1B1', 'B1C1', 900), flow('west', 'C1B1', 'B1A1', 900), flow('north', 'B0B1', 'B1B2', 120), '</routes>', ''].join('\n'),
  );
  cfgFile = join(folder, 'grid.sumocfg');
  writeFileSync(
    cfgFile,
    `<configuration><input><net-file value="grid.net.xml"/><route-files value="grid.rou.xml"/></input>
  <time><begin value="0"/><end value="${END_S}"/></time></configuration>`,
  );
});

afterAll(() => rmSync(scenariosDir, { recursive: true, force: true }));

describe('max-pressure over TraCI', () => {
  it('holds minimum greens, clears through yellow and gives the heavier approach more green', async () => {
    const cfg = readSumoCfg(cfgFile);
    const tripinfoFile = join(scenariosDir, 'mp-tripinfo.xml');
    const shown: string[] = [];
    let fromLanes: string[] = [];
    let minGreenS = 0;
    await runOverTraci({ cfg, seed: 0, tripinfoFile, sumoArgs: sumoArgs(cfg, 0, tripinfoFile), timeoutMs: 60_000 }, async (setup) => {
      const light = setup.lights.find((l) => l.tlId === 'B1')!;
      minGreenS = Math.min(...light.phases.map((p) => p.minGreenS));
      fromLanes = (await setup.traci.getControlledLinks('B1')).map((links) => links[0]!.fromLane);
      const handler = await maxPressureHandler(setup);
      return async (view) => {
        await handler(view);
        shown.push(view.trafficLights.get('B1')!.state);
      };
    });

    // SUMO's own report of the signals, one per second, folded into runs of one state.
    const runs: { state: string; seconds: number }[] = [];
    for (const state of shown) {
      if (runs.at(-1)?.state === state) runs.at(-1)!.seconds++;
      else runs.push({ state, seconds: 1 });
    }
    const isGreen = (state: string) => /[Gg]/.test(state) && !state.includes('y');
    const greens = runs.map((run, i) => ({ ...run, i })).filter((run) => isGreen(run.state));
    expect(greens.length).toBeGreaterThan(2);
    for (const green of greens.slice(0, -1)) expect(green.seconds).toBeGreaterThanOrEqual(minGreenS);
    for (let k = 1; k < greens.length; k++) {
      const between = runs.slice(greens[k - 1]!.i + 1, greens[k]!.i);
      expect(between.some((run) => run.state.includes('y'))).toBe(true);
    }

    const greenSeconds = (edge: string) =>
      shown.reduce((sum, state) => sum + (fromLanes.some((lane, i) => lane.startsWith(`${edge}_`) && /[Gg]/.test(state[i]!)) ? 1 : 0), 0);
    expect(greenSeconds('A1B1')).toBeGreaterThan(1.5 * greenSeconds('B0B1'));
    expect(greenSeconds('B0B1')).toBeGreaterThan(0);
  }, 30_000);
});

describe('runner with our controllers', () => {
  it('reports every controller\'s delay from the tripinfo its TraCI run wrote', async () => {
    const lines: RescoLine[] = [];
    const { results, failed } = await runResco({ scenariosDir, controllers: OUR_CONTROLLERS, onLine: (line) => lines.push(line) });
    expect(failed).toBe(0);
    expect(results).toHaveLength(1);
    for (const name of ['fixed', 'webster', 'maxpressure']) {
      const delay = lines.find((line) => line.kind === 'bench' && line.name === `resco_grid_${name}_delay_s`);
      expect(delay && delay.kind === 'bench' && delay.value > 0 && Number.isFinite(delay.value)).toBe(true);
    }
    expect(lines.filter((line) => line.kind === 'bench' && line.name.endsWith('_vs_fixed_pct'))).toHaveLength(2);
  }, 30_000);
});
