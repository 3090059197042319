/**
 * Runs the RESCO scenarios of a folder and prints their BENCH lines on
 * stdout (fixed time, then each of `OUR_CONTROLLERS`); skipped folders and failed scenarios go to stderr, one line each.
 * Shared by `npm run bench:resco` and `npm run bench`.
 */
import { report } from '../report';
import { OUR_CONTROLLERS } from './controllers';
import { runResco } from './runner';

/** @returns whether every scenario ran (and there was at least one) */
export async function benchResco(scenariosDir: string, seeds: number): Promise<boolean> {
  const { results, failed } = await runResco({
    scenariosDir,
    seeds,
    controllers: OUR_CONTROLLERS,
    onLine: (line) => {
      if (line.kind === 'bench') report(line.name, line.value, line.unit);
      else if (line.kind === 'skipped') process.stderr.write(`resco: skipping ${line.folder}: ${line.reason}\n`);
      else process.stderr.write(`resco: ${line.scenario} failed: ${line.reason}\n`);
    },
  });
  if (results.length === 0 && failed === 0) process.stderr.write(`resco: no scenario in ${scenariosDir}\n`);
  return failed === 0 && results.length > 0;
}
