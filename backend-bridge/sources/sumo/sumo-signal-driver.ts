/**
 * The seam between the SUMO source and whatever runs the network's traffic
 * lights for the bridge (sumo-signals.ts): the source subscribes what the
 * driver asks for, hands it every step's results and lets it send its
 * commands before the next step. The source knows nothing of plans; the
 * driver nothing of processes, clocks or restarts beyond `restarted()`.
 */
import type { SignalAccess } from '../signal-access';
import type { SumoNetwork } from './network/read-sumo-network';
import type { StepResults, TraciClient } from './traci';

export interface SumoSignalDriver extends SignalAccess {
  /** Lane ids (SUMO's) to subscribe after every start of SUMO. */
  lanesToSubscribe(): string[];
  /** Traffic-light ids (SUMO's) to subscribe after every start of SUMO. */
  lightsToSubscribe(): string[];
  /** After every step, with that step's subscription results and its sim time (ms since the epoch). */
  observe(step: StepResults, simTimeMs: number): void;
  /** Before every step: sends the commands the driver has queued. */
  flush(traci: TraciClient): Promise<void>;
  /** After SUMO was started again: its lights run their programs from the start once more. */
  restarted(): void;
}

/** Builds the driver for a network; the source calls it once. */
export type SumoSignalDriverFactory = (network: SumoNetwork) => SumoSignalDriver;
