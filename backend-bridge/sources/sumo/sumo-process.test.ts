import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SumoGrid, makeSumoGrid } from './sumo-grid.fixture';
import { parseSumoVersion, startSumo } from './sumo-process';

let grid: SumoGrid;
let scratch: string;

beforeAll(() => {
  grid = makeSumoGrid();
  scratch = mkdtempSync(join(tmpdir(), 'citybrain-sumo-faults-'));
});

afterAll(() => {
  grid?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startSumo', () => {
  it('starts SUMO on a loopback port with the extra flags and a client ready, and stop leaves no process', async () => {
    const sumo = await startSumo({ configFile: grid.configFile, extraArgs: ['--begin', '100'] });
    expect(sumo.port).toBeGreaterThan(0);
    expect(sumo.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(sumo.traciVersion.sumoVersion).toContain(sumo.version);
    expect(await sumo.traci.getTime()).toBe(100);
    expect(isRunning(sumo.pid)).toBe(true);
    await sumo.stop();
    expect(isRunning(sumo.pid)).toBe(false);
    expect((await sumo.exited).expected).toBe(true);
  });

  it('reports an exit nobody asked for, with SUMO’s last words', async () => {
    const sumo = await startSumo({ configFile: grid.configFile });
    process.kill(sumo.pid, 'SIGKILL');
    const exit = await sumo.exited;
    expect(exit).toMatchObject({ expected: false, signal: 'SIGKILL' });
    await expect(sumo.traci.getTime()).rejects.toThrow(/simulation\.getTime\(\): TraCI connection/);
    await sumo.stop();
  });

  it('ends by itself when its TraCI client goes away, so a vanished bridge leaves no SUMO', async () => {
    const sumo = await startSumo({ configFile: grid.configFile });
    sumo.traci.disconnect();
    const exit = await sumo.exited;
    expect(exit.expected).toBe(false);
    expect(isRunning(sumo.pid)).toBe(false);
  });

  it('names the install command when sumo is missing', async () => {
    await expect(startSumo({ configFile: grid.configFile, binary: join(scratch, 'no-sumo-here') })).rejects.toThrow(
      /^SUMO is not installed .*apt-get install -y sumo sumo-tools/,
    );
  });

  it('refuses a SUMO older than 1.15 and says which it found', async () => {
    const oldSumo = join(scratch, 'old-sumo');
    writeFileSync(oldSumo, '#!/bin/sh\necho "Eclipse SUMO sumo Version 1.14.1"\n');
    chmodSync(oldSumo, 0o755);
    await expect(startSumo({ configFile: grid.configFile, binary: oldSumo })).rejects.toThrow(
      'SUMO 1.14.1 is too old: the bridge needs 1.15 or newer (apt-get install -y sumo sumo-tools)',
    );
  });

  it('names a missing .sumocfg', async () => {
    const missing = join(scratch, 'nowhere.sumocfg');
    await expect(startSumo({ configFile: missing })).rejects.toThrow(`SUMO config ${missing} cannot be read (ENOENT)`);
  });

  it('puts the end of SUMO’s stderr in the error when it exits while starting', async () => {
    const broken = join(scratch, 'broken.sumocfg');
    writeFileSync(broken, '<configuration><input><net-file value="missing.net.xml"/></input></configuration>\n');
    await expect(startSumo({ configFile: broken })).rejects.toThrow(
      new RegExp(`^SUMO exited \\(code 1\\) while starting on ${broken}: .*missing\\.net\\.xml`),
    );
  });
});

describe('parseSumoVersion', () => {
  it('reads release and source-build version lines', () => {
    expect(parseSumoVersion('Eclipse SUMO sumo Version 1.15.0\n Build features: …')).toBe('1.15.0');
    expect(parseSumoVersion('Eclipse SUMO sumo Version v1_19_0+0123-abcdef')).toBe('1.19.0');
    expect(parseSumoVersion('something else')).toBeNull();
  });
});
