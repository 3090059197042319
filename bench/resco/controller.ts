/**
 * What one benchmark run is, and the seam where a controller plugs in. The
 * network's own fixed programs are one controller; ours (over TraCI) are more,
 * each one more run per scenario and seed against the same SUMO arguments.
 */
import type { SumoCfg } from '../../backend-bridge/sources/sumo/sumocfg';
import { runSumo } from './sumo-process';

export interface RunJob {
  cfg: SumoCfg;
  seed: number;
  /** Where SUMO must write its tripinfo output; the runner reads delay from it. */
  tripinfoFile: string;
  /** The full SUMO command line but the binary; a TraCI controller adds `--remote-port`. */
  sumoArgs: string[];
  /** Hard limit for the whole run. */
  timeoutMs: number;
}

export interface Controller {
  /** Short lowercase name used in BENCH lines: `fixed`, `webster`, `maxpressure`. */
  name: string;
  run(job: RunJob): Promise<void>;
}

/** RESCO's SUMO settings: no teleporting (gridlock stays gridlock) and running vehicles reported at the end. */
export function sumoArgs(cfg: SumoCfg, seed: number, tripinfoFile: string): string[] {
  return [
    '-c', cfg.cfgFile,
    '--xml-validation', 'never',
    '--no-step-log',
    '--no-warnings',
    '--time-to-teleport', '-1',
    '--tripinfo-output', tripinfoFile,
    '--tripinfo-output.write-unfinished',
    '--begin', String(cfg.beginS),
    '--end', String(cfg.endS),
    '--seed', String(seed),
  ];
}

/** The network's own programs: SUMO runs untouched. */
export const fixedTimeController: Controller = {
  name: 'fixed',
  run: (job) => runSumo(job.sumoArgs, job.timeoutMs),
};
