/**
 * RESCO's delay (Ault & Sharon, NeurIPS 2021 Datasets and Benchmarks) and the
 * comparison of a controller against the network's own fixed programs.
 */
import type { ScheduledDepart } from './scheduled-departs';
import type { TripDelay } from './tripinfo';

/**
 * Mean delay per vehicle over a run, in seconds: timeLoss + departDelay for
 * every vehicle in the tripinfo output (arrived or still running at the end),
 * and endS − depart for every vehicle that never got into the network.
 */
export function rescoDelayS(
  tripinfos: readonly Pick<TripDelay, 'timeLossS' | 'departDelayS'>[],
  notDeparted: readonly Pick<ScheduledDepart, 'departS'>[],
  endS: number,
): number {
  const vehicles = tripinfos.length + notDeparted.length;
  if (vehicles === 0) throw new Error('no vehicle in the run: delay per vehicle is undefined');
  let totalS = 0;
  for (const trip of tripinfos) totalS += trip.timeLossS + trip.departDelayS;
  for (const vehicle of notDeparted) totalS += Math.max(0, endS - vehicle.departS);
  return totalS / vehicles;
}

/** The vehicles scheduled in the window that have no tripinfo: they were never inserted. */
export function notDepartedOf(
  scheduled: readonly ScheduledDepart[],
  tripinfos: readonly Pick<TripDelay, 'id'>[],
): ScheduledDepart[] {
  const seen = new Set(tripinfos.map((trip) => trip.id));
  return scheduled.filter((vehicle) => !seen.has(vehicle.id));
}

/**
 * A controller's delay relative to fixed time, in percent: negative is better
 * (−50 means half the fixed-time delay), positive is worse.
 */
export function vsFixedPct(controllerDelayS: number, fixedDelayS: number): number {
  if (!(fixedDelayS > 0)) throw new Error(`fixed-time delay ${fixedDelayS} s cannot be compared against`);
  return ((controllerDelayS - fixedDelayS) / fixedDelayS) * 100;
}
