import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchName, discoverScenarios } from './scenarios';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'citybrain-scenarios-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, files: string[]): void {
  mkdirSync(join(dir, name));
  for (const file of files) writeFileSync(join(dir, name, file), '');
}

describe('discoverScenarios', () => {
  it('takes each folder with exactly one .sumocfg as a scenario named by the folder, and skips the rest with a reason', () => {
    folder('cologne1', ['cologne1.sumocfg', 'cologne1.net.xml']);
    folder('docs', ['notes.md']);
    folder('twice', ['a.sumocfg', 'b.sumocfg']);
    writeFileSync(join(dir, 'README.md'), '');
    const { scenarios, skipped } = discoverScenarios(dir);
    expect(scenarios).toEqual([
      { name: 'cologne1', folder: join(dir, 'cologne1'), cfgFile: join(dir, 'cologne1', 'cologne1.sumocfg') },
    ]);
    expect(skipped).toEqual([
      { folder: join(dir, 'docs'), reason: 'no .sumocfg in it' },
      { folder: join(dir, 'twice'), reason: '2 .sumocfg files (a.sumocfg, b.sumocfg), expected exactly one' },
    ]);
  });

  it('names the folder when it cannot be read', () => {
    expect(() => discoverScenarios(join(dir, 'nowhere'))).toThrow(`--scenarios ${join(dir, 'nowhere')}: cannot be read`);
  });

  it('refuses two folders that would report under the same name', () => {
    folder('Grid-4', ['g.sumocfg']);
    folder('grid_4', ['g.sumocfg']);
    expect(() => discoverScenarios(dir)).toThrow(/would both report as resco_grid_4_\*/);
  });
});

describe('benchName', () => {
  it('makes a folder name safe for a BENCH line', () => {
    expect(benchName('Ingolstadt-7 v2')).toBe('ingolstadt_7_v2');
  });
});
