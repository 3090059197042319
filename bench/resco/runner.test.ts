/**
 * The runner end to end against a real SUMO on a tiny netgenerate grid: a
 * demand file with one flow too dense to insert, so some vehicles never depart.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedTimeController, sumoArgs, type Controller } from './controller';
import { readSumoCfg } from '../../backend-bridge/sources/sumo/sumocfg';
import { runResco, type RescoLine } from './runner';
import { runSumo, SUMO_HOME } from './sumo-process';
import { parseTripinfos } from './tripinfo';

const BEGIN_S = 100;
const END_S = 400;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'citybrain-resco-run-'));
  const scenario = join(dir, 'tiny');
  mkdirSync(scenario);
  mkdirSync(join(dir, 'not-a-scenario'));
  execFileSync(
    'netgenerate',
    ['--grid', '--grid.number', '3', '--grid.length', '100', '--default-junction-type', 'traffic_light',
      '--no-turnarounds', '-o', join(scenario, 'tiny.net.xml')],
    { env: { ...process.env, SUMO_HOME }, stdio: 'ignore', timeout: 20_000 },
  );
  writeFileSync(
    join(scenario, 'tiny.rou.xml'),
    `<routes>
  <trip id="early" depart="50" from="A0A1" to="A1A2"/>
  <trip id="t0" depart="100" from="A0A1" to="B1C1"/>
  <trip id="t1" depart="120" from="C2C1" to="B1A1"/>
  <vehicle id="v0" depart="150"><route edges="A0B0 B0C0"/></vehicle>
  <flow id="jam" begin="200" end="300" period="0.5" from="B0B1" to="B1B2"/>
  <trip id="late" depart="450" from="A0A1" to="A1A2"/>
</routes>`,
  );
  writeFileSync(
    join(scenario, 'tiny.sumocfg'),
    `<configuration><input><net-file value="tiny.net.xml"/><route-files value="tiny.rou.xml"/></input>
  <time><begin value="${BEGIN_S}"/><end value="${END_S}"/></time></configuration>`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** SUMO 1.15's own accounting of never-departed vehicles, which the issue's flags leave out: the reference. */
async function sumoOwnDelayS(): Promise<{ delayS: number; notDeparted: number }> {
  const cfg = readSumoCfg(join(dir, 'tiny', 'tiny.sumocfg'));
  const tripinfoFile = join(dir, 'reference-tripinfo.xml');
  await runSumo([...sumoArgs(cfg, 0, tripinfoFile), '--tripinfo-output.write-undeparted'], 30_000);
  const xml = readFileSync(tripinfoFile, 'utf8');
  const trips = parseTripinfos(xml, tripinfoFile);
  const delayS = trips.reduce((sum, trip) => sum + trip.timeLossS + trip.departDelayS, 0) / trips.length;
  return { delayS, notDeparted: xml.match(/depart="-1/g)?.length ?? 0 };
}

describe('runResco on a real SUMO', () => {
  it('prints fixed-time delay equal to SUMO\'s own count with never-departed vehicles, plus a plugged-in controller against it', async () => {
    const lines: RescoLine[] = [];
    // The network's own programs again under another name: the seam a TraCI controller uses, with 0 % against fixed.
    const again: Controller = { name: 'again', run: (job) => fixedTimeController.run(job) };
    const tmpBefore = readdirSync(tmpdir()).filter((name) => name.startsWith('citybrain-resco-')).length;
    const { failed } = await runResco({
      scenariosDir: dir,
      controllers: [again],
      runTimeoutMs: 30_000,
      onLine: (line) => lines.push(line),
    });
    expect(failed).toBe(0);
    expect(lines[0]).toEqual({ kind: 'skipped', folder: join(dir, 'not-a-scenario'), reason: 'no .sumocfg in it' });
    const bench = lines.filter((line) => line.kind === 'bench');
    expect(bench.map((line) => line.name)).toEqual([
      'resco_tiny_fixed_delay_s',
      'resco_tiny_again_delay_s',
      'resco_tiny_again_vs_fixed_pct',
    ]);

    const reference = await sumoOwnDelayS();
    expect(reference.notDeparted).toBeGreaterThan(10);
    expect(bench[0]!.value).toBeCloseTo(reference.delayS, 6);
    expect(bench[1]!.value).toBe(bench[0]!.value);
    expect(bench[2]!.value).toBe(0);
    // Every run's temp folder is gone.
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('citybrain-resco-')).length).toBe(tmpBefore);
  }, 60_000);

  it('reports a scenario whose .sumocfg is broken by its file and goes on', async () => {
    // Named to sort after `tiny`: it fails at once while `tiny` still runs.
    const broken = join(dir, 'zbroken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'broken.sumocfg'), '<configuration><input><net-file value="none.net.xml"/></input></configuration>');
    const lines: RescoLine[] = [];
    try {
      const { failed, results } = await runResco({ scenariosDir: dir, runTimeoutMs: 30_000, onLine: (line) => lines.push(line) });
      expect(failed).toBe(1);
      expect(results.map((result) => result.scenario)).toEqual(['tiny']);
      expect(lines).toContainEqual({
        kind: 'failed',
        scenario: 'zbroken',
        reason: `${join(broken, 'broken.sumocfg')}: net-file none.net.xml does not exist (looked for ${join(broken, 'none.net.xml')})`,
      });
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 60_000);
});
