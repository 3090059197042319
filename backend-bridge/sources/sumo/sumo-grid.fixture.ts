/**
 * A small SUMO scenario for tests, built in a temporary directory: a 3×3
 * signalised grid from `netgenerate` (200 m blocks, two lanes; nodes A0…C2,
 * lights at A1, B0, B1, B2, C1), steady flows across it, and a `.sumocfg`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SumoGrid {
  dir: string;
  configFile: string;
  /** Where SUMO writes the light's state every step (`SaveTLSStates`), when asked for with `recordLight`. */
  lightStatesFile?: string;
  /** Removes the directory. */
  dispose(): void;
}

/** Flows across the grid in both directions; SUMO routes them itself. */
const FLOWS = [
  ['A0A1', 'C1C2'],
  ['C2C1', 'A1A0'],
  ['A1B1', 'B1C1'],
  ['C1B1', 'B1A1'],
  ['B0B1', 'B1B2'],
  ['B2B1', 'B1B0'],
] as const;

export interface SumoGridOptions {
  /** A light whose state SUMO itself writes to `lightStatesFile` every step: evidence independent of TraCI. */
  recordLight?: string;
}

export function makeSumoGrid(options: SumoGridOptions = {}): SumoGrid {
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-sumo-'));
  const env = { ...process.env, SUMO_HOME: process.env.SUMO_HOME ?? '/usr/share/sumo' };
  execFileSync(
    'netgenerate',
    ['--grid', '--grid.number=3', '--grid.length=200', '--default.lanenumber=2', '--tls.guess=true', '--no-turnarounds=true', '-o', join(dir, 'grid.net.xml')],
    { env, stdio: 'pipe', timeout: 30_000 },
  );
  const flows = FLOWS.map(([from, to], index) => `  <flow id="f${index}" from="${from}" to="${to}" begin="0" end="3600" vehsPerHour="720"/>`);
  writeFileSync(join(dir, 'grid.rou.xml'), ['<routes>', ...flows, '</routes>', ''].join('\n'));
  const lightStatesFile = options.recordLight === undefined ? undefined : join(dir, 'light-states.xml');
  if (options.recordLight !== undefined) {
    writeFileSync(join(dir, 'record.add.xml'), `<additional><timedEvent type="SaveTLSStates" source="${options.recordLight}" dest="${lightStatesFile}"/></additional>\n`);
  }
  const additional = lightStatesFile === undefined ? '' : '<additional-files value="record.add.xml"/>';
  const configFile = join(dir, 'grid.sumocfg');
  writeFileSync(
    configFile,
    [
      '<configuration>',
      `  <input><net-file value="grid.net.xml"/><route-files value="grid.rou.xml"/>${additional}</input>`,
      '  <time><begin value="0"/><end value="3600"/></time>',
      '  <report><no-step-log value="true"/><no-warnings value="true"/></report>',
      '</configuration>',
      '',
    ].join('\n'),
  );
  return { dir, configFile, ...(lightStatesFile !== undefined && { lightStatesFile }), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
