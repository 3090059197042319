/**
 * The RESCO benchmark: `tsx bench/resco.ts --scenarios DIR [--seeds N]` runs
 * every scenario folder of DIR in SUMO and prints
 * `BENCH resco_<scenario>_<controller>_delay_s <value> s` (RESCO's delay, mean
 * over seeds) and, for each of our controllers, `..._vs_fixed_pct`. Skipped
 * folders and failed scenarios go to stderr; a failure, or no scenario at all,
 * makes the exit code 1.
 */
import { parseArgs } from 'node:util';
import { report } from './report';
import { runResco } from './resco/runner';

const { values } = parseArgs({
  options: { scenarios: { type: 'string' }, seeds: { type: 'string', default: '1' } },
  strict: true,
});
if (!values.scenarios) {
  process.stderr.write('usage: tsx bench/resco.ts --scenarios DIR [--seeds N]\n');
  process.exit(2);
}
const seeds = Number(values.seeds);
if (!Number.isInteger(seeds) || seeds < 1) {
  process.stderr.write(`--seeds ${values.seeds}: must be a positive integer\n`);
  process.exit(2);
}

try {
  const { results, failed } = await runResco({
    scenariosDir: values.scenarios,
    seeds,
    onLine: (line) => {
      if (line.kind === 'bench') report(line.name, line.value, line.unit);
      else if (line.kind === 'skipped') process.stderr.write(`resco: skipping ${line.folder}: ${line.reason}\n`);
      else process.stderr.write(`resco: ${line.scenario} failed: ${line.reason}\n`);
    },
  });
  if (results.length === 0 && failed === 0) process.stderr.write(`resco: no scenario in ${values.scenarios}\n`);
  process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
} catch (error) {
  process.stderr.write(`resco: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
