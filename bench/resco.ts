/**
 * The RESCO benchmark: `tsx bench/resco.ts --scenarios DIR [--seeds N]` runs
 * every scenario folder of DIR in SUMO and prints
 * `BENCH resco_<scenario>_<controller>_delay_s <value> s` (RESCO's delay, mean
 * over seeds) and, for each of our controllers, `..._vs_fixed_pct`. Skipped
 * folders and failed scenarios go to stderr; a failure, or no scenario at all,
 * makes the exit code 1.
 */
import { parseArgs } from 'node:util';
import { benchResco } from './resco/bench-resco';

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
  process.exitCode = (await benchResco(values.scenarios, seeds)) ? 0 : 1;
} catch (error) {
  process.stderr.write(`resco: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
