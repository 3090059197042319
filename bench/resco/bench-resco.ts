/**
 * Runs the RESCO scenarios of a folder and prints their BENCH lines on
 * stdout; skipped folders and failed scenarios go to stderr, one line each.
 * Shared by `npm run bench:resco` and `npm run bench`.
 */
import { report } from '../report';
import { runResco } from './runner';

/** @returns whether every scenario ran (and there was at least one) */
export async function benchResco(scenariosDir: string, seeds: number): Promise<boolean> {
  const { results, failed } = await runResco({
    scenariosDir,
    seeds,
    onLine: (line) => {
      if (line.kind === 'bench') report(line.name, line.value, line.unit);
      else if (line.kind === 'skipped') process.stderr.write(`resco: skipping ${line.folder}: ${line.reason}\n`);
      else process.stderr.write(`resco: ${line.scenario} failed: ${line.reason}\n`);
    },
  });
  if (results.length === 0 && failed === 0) process.stderr.write(`resco: no scenario in ${scenariosDir}\n`);
  return failed === 0 && results.length > 0;
}
