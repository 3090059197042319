/**
 * Max-pressure over TraCI: every light runs `PressureLight`
 * (backend-bridge/sources/sumo/max-pressure/, the same code as the live SUMO
 * source's max-pressure mode; its header says the method), advanced every
 * simulated second and shown whenever its signals change.
 *
 * Measured (RESCO delay, s; fixed time: cologne1 57.7, cologne8 63.0,
 * ingolstadt1 40.7, ingolstadt7 123.4, grid4x4 93.9, arterial4x4 1476.6):
 * - plain (vehicles on the controlled lane minus vehicles downstream, a
 *   decision every 5 s): cologne1 55.5, a light with 5 s yellows switching
 *   every 5 s; every 10 / 15 / 20 s: 33.0 / 30.7 / 34.9.
 * - without the link share a queue on a shared lane held a protected-left
 *   green it could not use (a tie with the through phase): cologne8
 *   gridlocked (533–840). A longest-wait guard (a phase with pressure
 *   served within 1–3 program cycles) unblocked it (51–105) but cost
 *   cologne1 up to twice its delay; the link share alone gives 26.5.
 * - decision step 10 s / 5 s / 2 × clearance, whole lanes counted:
 *   cologne1 33.0 / 48.3 / 33.0, cologne8 26.5 / 33.8 / 28.4, ingolstadt1
 *   31.0 / 28.9 / 29.0, grid4x4 47.6 / 41.2 / 43.0, ingolstadt7 40.7 / 46.8
 *   / 34.9, arterial4x4 711.8 / 857.3 / 790.4.
 * - counting moving vehicles only within a fixed 200 / 100 / 50 m:
 *   grid4x4 37.8 / 33.6 / 33.9, cologne8 24.0 / 22.5 / 22.3; within one
 *   decision step's drive (kept): grid4x4 34.0, cologne8 21.1, ingolstadt1
 *   26.9, ingolstadt7 32.3, arterial4x4 802.9, cologne1 33.7.
 * - then, mean of seeds 0–2, decisions only / with the 1 s gap-out look
 *   (kept) / decision step 3 × clearance with the look: cologne1 33.0 /
 *   32.2 / 31.1, cologne8 21.8 / 21.3 / 21.8, ingolstadt1 26.3 / 26.6 /
 *   27.7, ingolstadt7 32.5 / 36.8 / 32.4, grid4x4 34.3 / 33.1 / 36.5,
 *   arterial4x4 799.2 / 807.1 / –.
 * - tried and dropped: queues (halted vehicles) upstream instead of all
 *   approaching vehicles (better on ingolstadt1, 24.0, worse on cologne1,
 *   36.0, and grid4x4, 55.7); moving vehicles counted for the green phase
 *   only (cologne1 31.4, grid4x4 49.5–52.5); a bonus for the current phase
 *   worth its clearance's discharge (worse everywhere, grid4x4 67.5); mean
 *   instead of sum over a phase's lanes (cologne8 35.4); a gap-out counting
 *   only what reaches the stop line within 3 s (no better).
 * - cologne1 stays above RESCO's 27.8: its two main phases alternate about
 *   every 10 s green + 5 s yellow, about Webster's optimum cycle for that
 *   lost time; a longer step helps it (31.1) but costs grid4x4 more.
 * - for cologne1 (its light has 4 greens and 5 s yellows), mean of seeds
 *   0–2, against the figures kept above (grid4x4 33.1, arterial4x4 807.1,
 *   cologne1 32.2, cologne8 21.3, ingolstadt1 26.6, ingolstadt7 36.8):
 *   - a waiting phase counted only as far as it drives in the decision step
 *     less the clearance (its green would start after it): grid4x4 33.2,
 *     arterial4x4 740.6, cologne1 31.6, cologne8 21.6, ingolstadt1 26.3,
 *     ingolstadt7 38.8 (the waiting phases counted one clearance further
 *     instead: cologne1 32.3). Dropped: worse on ingolstadt7 and cologne8.
 *   - a green kept, at decisions and idle looks, while a vehicle stands on
 *     one of its lanes, for at most 2 decision steps (a queue discharging is
 *     not cut for another), first measured: grid4x4 33.3, arterial4x4 699.2,
 *     cologne1 31.8, cologne8 21.3, ingolstadt1 25.6, ingolstadt7 34.7 (at
 *     most 4 steps: cologne1 32.8); the mean of the six falls from 159.5 to
 *     141.0 s. KEPT, as `QUEUE_HOLD_STEPS` in pressure-light.ts, with every
 *     green also held to its pedestrian clearance: seeds 0–2 grid4x4 33.1,
 *     arterial4x4 650.0, cologne1 32.2, cologne8 21.6, ingolstadt1 26.4,
 *     ingolstadt7 31.4 — every one but cologne1 at or below RESCO's
 *     max-pressure, arterial4x4 below its best published (654.1).
 */
import { PressureLight } from '../../../backend-bridge/sources/sumo/max-pressure/pressure-light';
import type { Controller } from '../controller';
import { type RunSetup, type StepHandler, runOverTraci } from './traci-run';

/** Sets up one run: a max-pressure light per light, each shown at once and moved on every second. */
export async function maxPressureHandler({ traci, lights, approaches }: RunSetup): Promise<StepHandler> {
  const pressureLights = lights.map((light) => new PressureLight(light, approaches));
  const feeders = new Set(pressureLights.flatMap((light) => light.feederEdgeIds()));
  for (const edgeId of feeders) await traci.subscribeEdge(edgeId);
  const shown = lights.map(() => '');
  // Only a change goes to SUMO: each TraCI call is a round trip.
  const show = async (index: number) => {
    const state = pressureLights[index]!.shownState();
    if (state === shown[index]) return;
    shown[index] = state;
    await traci.setRedYellowGreenState(lights[index]!.tlId, state);
  };
  for (let i = 0; i < lights.length; i++) await show(i);
  return async (view) => {
    for (let i = 0; i < lights.length; i++) {
      pressureLights[i]!.advance(1, view);
      await show(i);
    }
  };
}

export const maxPressureController: Controller = {
  name: 'maxpressure',
  run: (job) => runOverTraci(job, maxPressureHandler),
};
