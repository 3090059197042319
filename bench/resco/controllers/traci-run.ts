/**
 * One benchmark run under a controller of ours: SUMO started as a TraCI
 * server with the job's arguments, the network's lights read once (program
 * over the net file, lanes per link index over TraCI), then one simulation
 * second at a time until the window's end, and a TraCI close so SUMO writes
 * the tripinfo the runner reads.
 */
import type { NetFile } from '../../../backend-bridge/sources/sumo/network/net-xml';
import { readSumoNetwork } from '../../../backend-bridge/sources/sumo/network/read-sumo-network';
import type { SumoSignalProgram } from '../../../backend-bridge/sources/sumo/network/signal-programs';
import { startSumo } from '../../../backend-bridge/sources/sumo/sumo-process';
import type { StepResults, TraciClient, TrafficReading } from '../../../backend-bridge/sources/sumo/traci';
import type { RunJob } from '../controller';
import { SUMO_HOME } from '../sumo-process';
import { type ApproachGraph, approachGraph, roadsOfNet } from '../../../backend-bridge/sources/sumo/max-pressure/approaches';
import { type LightModel, lanesOf, lightModel } from '../../../backend-bridge/sources/sumo/max-pressure/light-phases';

/** What a controller sees after each simulated second. */
export interface StepView {
  nowS: number;
  /** Last-step readings of every lane the lights read. */
  lanes: ReadonlyMap<string, TrafficReading>;
  /** Last-step readings of the edges the controller subscribed. */
  edges: ReadonlyMap<string, TrafficReading>;
  /** The lights' program, step and next switch. */
  trafficLights: StepResults['trafficLights'];
}

/** A controller's logic for one run: told each second what SUMO measured, it sets the lights over `traci`. */
export type StepHandler = (view: StepView) => Promise<void>;

export interface RunSetup {
  traci: TraciClient;
  job: RunJob;
  /** The lights our controllers drive; a light the model cannot read stays on its own program. */
  lights: LightModel[];
  /** The roads before each incoming edge; a controller subscribes the edges it reads. */
  approaches: ApproachGraph;
  /** The network's own programs of those lights, as the bridge reads them. */
  programs: Map<string, SumoSignalProgram>;
  net: NetFile;
}

/** The job's arguments less those `startSumo` sets itself (config and XML validation), which SUMO refuses twice. */
export function argsForStartSumo(sumoArgs: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < sumoArgs.length; i++) {
    if (sumoArgs[i] === '-c' || sumoArgs[i] === '--xml-validation') i++;
    else args.push(sumoArgs[i]!);
  }
  return args;
}

/** Runs the job with SUMO stepping one second at a time and `setUp`'s handler after each step. */
export async function runOverTraci(job: RunJob, setUp: (setup: RunSetup) => Promise<StepHandler>): Promise<void> {
  const sumo = await startSumo({
    configFile: job.cfg.cfgFile,
    extraArgs: argsForStartSumo(job.sumoArgs),
    sumoHome: process.env.SUMO_HOME ?? SUMO_HOME,
    requestTimeoutMs: job.timeoutMs,
  });
  const deadline = Date.now() + job.timeoutMs;
  try {
    const { traci } = sumo;
    // The net is read once: the programs from the city built of it, the approaches from the file as read.
    const network = readSumoNetwork({ netFile: job.cfg.netFile });
    const known = new Set(await traci.getTrafficLightIds());
    const lights: LightModel[] = [];
    for (const program of network.programs) {
      if (!known.has(program.tlId)) continue;
      const light = lightModel(program, await traci.getControlledLinks(program.tlId));
      if (light) lights.push(light);
    }
    const { net } = network;
    const approaches = approachGraph(roadsOfNet(net));
    const lanes = new Set<string>();
    for (const light of lights) for (const lane of lanesOf(light)) lanes.add(lane);
    for (const lane of lanes) await traci.subscribeLane(lane);
    for (const light of lights) await traci.subscribeTrafficLight(light.tlId);
    const programs = new Map(network.programs.map((program) => [program.tlId, program]));
    const onStep = await setUp({ traci, job, lights, approaches, programs, net });
    for (let nowS = job.cfg.beginS + 1; nowS <= job.cfg.endS; nowS++) {
      if (Date.now() > deadline) throw new Error(`run past ${job.timeoutMs} ms at ${nowS} s of ${job.cfg.endS} s`);
      const results = await traci.simulationStep(nowS);
      await onStep({ nowS, lanes: results.lanes, edges: results.edges, trafficLights: results.trafficLights });
    }
    await traci.close();
    const exit = await sumo.exited;
    if (exit.code !== 0) throw new Error(`SUMO ended with code ${exit.code ?? exit.signal}: ${exit.stderrTail}`);
  } finally {
    await sumo.stop();
  }
}
