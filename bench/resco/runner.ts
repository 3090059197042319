/**
 * Runs every scenario under every controller for each seed, at most
 * `concurrency` SUMOs at once, and reports each scenario's mean delay per
 * controller (and, for ours, the change against fixed time) as soon as that
 * scenario is done, in discovery order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedTimeController, sumoArgs, type Controller } from './controller';
import { notDepartedOf, rescoDelayS, vsFixedPct } from './delay';
import { readScheduledDeparts, type ScheduledDepart } from './scheduled-departs';
import { discoverScenarios, type ScenarioRef } from './scenarios';
import { readSumoCfg, type SumoCfg } from '../../backend-bridge/sources/sumo/sumocfg';
import { parseTripinfos } from './tripinfo';

export interface RescoOptions {
  scenariosDir: string;
  /** Runs per scenario and controller, with SUMO seeds 0 … seeds−1. @default 1 */
  seeds?: number;
  /** Besides fixed time, which always runs first as the baseline. @default [] */
  controllers?: readonly Controller[];
  /** SUMO processes at once. @default 2 */
  concurrency?: number;
  /** Limit for one SUMO run. @default 600_000 */
  runTimeoutMs?: number;
  /** Each output line: BENCH lines, skipped folders and failed scenarios. */
  onLine: (line: RescoLine) => void;
}

export type RescoLine =
  | { kind: 'bench'; name: string; value: number; unit: 's' | '%' }
  | { kind: 'skipped'; folder: string; reason: string }
  | { kind: 'failed'; scenario: string; reason: string };

export interface ScenarioResult {
  scenario: string;
  /** Mean delay over seeds, in seconds, by controller name. */
  delayS: Map<string, number>;
}

/** A tiny semaphore: SUMO is single-threaded, so the runs share the cores instead of fighting over them. */
function limiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= concurrency) await new Promise<void>((go) => waiting.push(go));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

async function measureDelayS(
  controller: Controller,
  cfg: SumoCfg,
  scheduled: readonly ScheduledDepart[],
  seed: number,
  timeoutMs: number,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-resco-'));
  try {
    const tripinfoFile = join(dir, 'tripinfo.xml');
    await controller.run({ cfg, seed, tripinfoFile, sumoArgs: sumoArgs(cfg, seed, tripinfoFile), timeoutMs });
    const tripinfos = parseTripinfos(readFileSync(tripinfoFile, 'utf8'), tripinfoFile);
    return rescoDelayS(tripinfos, notDepartedOf(scheduled, tripinfos), cfg.endS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runScenario(
  scenario: ScenarioRef,
  controllers: readonly Controller[],
  seeds: number,
  timeoutMs: number,
  schedule: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<ScenarioResult> {
  const cfg = readSumoCfg(scenario.cfgFile);
  const scheduled = readScheduledDeparts([...cfg.routeFiles, ...cfg.additionalFiles], cfg.beginS, cfg.endS);
  const delayS = new Map<string, number>();
  await Promise.all(
    controllers.map(async (controller) => {
      const perSeed = await Promise.all(
        Array.from({ length: seeds }, (_, seed) =>
          schedule(() => measureDelayS(controller, cfg, scheduled, seed, timeoutMs)),
        ),
      );
      delayS.set(controller.name, perSeed.reduce((sum, value) => sum + value, 0) / seeds);
    }),
  );
  return { scenario: scenario.name, delayS };
}

function reportScenario(result: ScenarioResult, controllers: readonly Controller[], onLine: RescoOptions['onLine']): void {
  const fixedS = result.delayS.get(fixedTimeController.name)!;
  for (const controller of controllers) {
    const prefix = `resco_${result.scenario}_${controller.name}`;
    const delayS = result.delayS.get(controller.name)!;
    onLine({ kind: 'bench', name: `${prefix}_delay_s`, value: delayS, unit: 's' });
    if (controller !== fixedTimeController) {
      onLine({ kind: 'bench', name: `${prefix}_vs_fixed_pct`, value: vsFixedPct(delayS, fixedS), unit: '%' });
    }
  }
}

/** Resolves to the scenarios that ran; a scenario that fails is reported and the others go on. */
export async function runResco(options: RescoOptions): Promise<{ results: ScenarioResult[]; failed: number }> {
  const seeds = options.seeds ?? 1;
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`seeds must be a positive integer, got ${seeds}`);
  const controllers = [fixedTimeController, ...(options.controllers ?? [])];
  const schedule = limiter(options.concurrency ?? 2);
  const { scenarios, skipped } = discoverScenarios(options.scenariosDir);
  for (const { folder, reason } of skipped) options.onLine({ kind: 'skipped', folder, reason });
  // Every scenario starts at once and queues on the limiter, so the cores never idle between scenarios.
  // Each outcome is settled at once: a later scenario failing while an earlier one runs is no unhandled rejection.
  const pending = scenarios.map((scenario) =>
    runScenario(scenario, controllers, seeds, options.runTimeoutMs ?? 600_000, schedule).then(
      (result) => ({ result }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    ),
  );
  const results: ScenarioResult[] = [];
  let failed = 0;
  for (const [index, promise] of pending.entries()) {
    const outcome = await promise;
    if ('result' in outcome) {
      reportScenario(outcome.result, controllers, options.onLine);
      results.push(outcome.result);
    } else {
      failed += 1;
      options.onLine({ kind: 'failed', scenario: scenarios[index]!.name, reason: outcome.error });
    }
  }
  return { results, failed };
}
