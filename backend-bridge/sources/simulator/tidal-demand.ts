/**
 * The tide of a commuter city: in the morning trips head in, to the jobs in
 * the centre; in the evening they head back out; between the peaks and at
 * night trips go every way. The pull
 * sets every turning fraction (movements.ts), so the peaks turn differently
 * from the average day: a left turn towards the centre that the average day
 * barely uses is queued out of its pocket at 08:00 — which is what a plan
 * timed for the average day gets wrong, and what a responsive controller
 * is for.
 */
import { type DailyBump, dailyBumpsAt, demandFactorAt } from './demand-profile';
import { expectedLinkFlowsVehPerS } from './expected-flows';
import { setCentrePull } from './movements';
import { type SimNetwork, deriveShares } from './network';
import type { PlanFlows } from './default-plans';

/**
 * Pull towards the centre outside the commutes: none, the trips of the day
 * spread both ways. At the peaks a link heading straight in weighs e^1
 * (≈ 2.7) times one heading straight out in the morning — the pull the
 * city had all day before its demand was tidal — and the reverse in the
 * evening.
 */
const BASE_PULL = 0;
const PULL_BUMPS: readonly DailyBump[] = [
  { hour: 8, spreadH: 1.5, height: 0.5 },
  { hour: 18, spreadH: 1.7, height: -0.5 },
];
/** Samples per day when averaging over it. */
const DAY_SAMPLES = 48;
/** Local hours of the two commute peaks. */
const PEAK_HOURS = [8, 18] as const;

/** Pull towards the centre at a local hour of the day (taken modulo 24); negative pulls outward. */
export function centrePullAt(localHour: number): number {
  return dailyBumpsAt(BASE_PULL, PULL_BUMPS, localHour);
}

/** Sets the network's turning fractions, and all that follows from them, for the pull of a local hour. */
export function setTurningForHour(net: SimNetwork, localHour: number): void {
  setCentrePull(net.movements, centrePullAt(localHour));
  deriveShares(net);
}

/**
 * Each movement's uncongested flow averaged over the day — what a traffic
 * engineer's counts on an average day show, and what the fixed plans are
 * timed for — and in the busier peak hour, what they check the left-turn
 * warrant on; vehicles per second. Leaves the network's turning fractions
 * as they were.
 *
 * @param peakSourceRateVehPerS trips started at each node at demand factor 1
 */
export function planFlowsVehPerS(net: SimNetwork, peakSourceRateVehPerS: Float64Array): PlanFlows {
  const dailyVehPerS = new Float64Array(net.movements.count);
  const designHourVehPerS = new Float64Array(net.movements.count);
  keepingTurning(net, () => {
    for (let i = 0; i < DAY_SAMPLES; i++) flowsAt(net, peakSourceRateVehPerS, ((i + 0.5) * 24) / DAY_SAMPLES, (m, q) => (dailyVehPerS[m]! += q / DAY_SAMPLES));
    for (const hour of PEAK_HOURS) flowsAt(net, peakSourceRateVehPerS, hour, (m, q) => (designHourVehPerS[m] = Math.max(designHourVehPerS[m]!, q)));
  });
  return { dailyVehPerS, designHourVehPerS };
}

/**
 * Each movement's uncongested demand flow averaged over a span of local
 * hours (sampled every 5 minutes, each sample with its hour's pull and
 * demand factor), vehicles per second: the v of a degree of saturation
 * v / c. Leaves the network's turning fractions as they were.
 *
 * @param peakSourceRateVehPerS trips started at each node at demand factor 1
 */
export function demandFlowsOverVehPerS(net: SimNetwork, peakSourceRateVehPerS: Float64Array, fromHour: number, toHour: number): Float64Array {
  if (!(Number.isFinite(fromHour) && Number.isFinite(toHour) && toHour > fromHour)) {
    throw new RangeError(`the span of hours must run forwards, got ${fromHour} to ${toHour}`);
  }
  const samples = Math.max(1, Math.round((toHour - fromHour) * 12));
  const meanVehPerS = new Float64Array(net.movements.count);
  keepingTurning(net, () => {
    for (let i = 0; i < samples; i++) {
      flowsAt(net, peakSourceRateVehPerS, fromHour + ((i + 0.5) * (toHour - fromHour)) / samples, (m, q) => (meanVehPerS[m]! += q / samples));
    }
  });
  return meanVehPerS;
}

/** Each movement's uncongested flow at a local hour, handed to `each`; changes the turning fractions to that hour's. */
function flowsAt(net: SimNetwork, peakSourceRateVehPerS: Float64Array, localHour: number, each: (m: number, vehPerS: number) => void): void {
  setTurningForHour(net, localHour);
  const linkFlows = expectedLinkFlowsVehPerS(net, peakSourceRateVehPerS, demandFactorAt(localHour));
  const { fromLink } = net.movements;
  for (let m = 0; m < net.movements.count; m++) each(m, linkFlows[fromLink[m]!]! * net.movementExitShare[m]!);
}

function keepingTurning(net: SimNetwork, work: () => void): void {
  const kept = net.movements.share.slice();
  work();
  net.movements.share.set(kept);
  deriveShares(net);
}

