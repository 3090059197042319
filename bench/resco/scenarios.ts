/**
 * Finds the scenarios in a folder: each sub-folder holding exactly one
 * `.sumocfg` is one, named by the folder. Anything else is skipped with the
 * reason, so a typo in a folder does not silently shrink the benchmark.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ScenarioRef {
  /** The folder's name made safe for a BENCH line: lowercase, [a-z0-9_] only. */
  name: string;
  folder: string;
  cfgFile: string;
}

export interface SkippedFolder {
  folder: string;
  reason: string;
}

export function benchName(folderName: string): string {
  return folderName.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

export function discoverScenarios(dir: string): { scenarios: ScenarioRef[]; skipped: SkippedFolder[] } {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`--scenarios ${dir}: cannot be read (${(error as Error).message})`);
  }
  const scenarios: ScenarioRef[] = [];
  const skipped: SkippedFolder[] = [];
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  for (const name of folders) {
    const folder = join(dir, name);
    const cfgs = readdirSync(folder).filter((file) => file.endsWith('.sumocfg')).sort();
    if (cfgs.length === 1) scenarios.push({ name: benchName(name), folder, cfgFile: join(folder, cfgs[0]!) });
    else if (cfgs.length === 0) skipped.push({ folder, reason: 'no .sumocfg in it' });
    else skipped.push({ folder, reason: `${cfgs.length} .sumocfg files (${cfgs.join(', ')}), expected exactly one` });
  }
  const byName = new Map<string, string>();
  for (const scenario of scenarios) {
    const other = byName.get(scenario.name);
    if (other) throw new Error(`${other} and ${scenario.folder} would both report as resco_${scenario.name}_*; rename one`);
    byName.set(scenario.name, scenario.folder);
  }
  return { scenarios, skipped };
}
