import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_SEED, generateDemoCity } from '../../city/demo-city';
import { peakSourceRatesVehPerS } from './demand';
import { demandFactorAt } from './demand-profile';
import { expectedLinkFlowsVehPerS } from './expected-flows';
import { compileNetwork } from './network';
import { TURNS } from '../../protocol/signals';
import { centrePullAt, planFlowsVehPerS, setTurningForHour } from './tidal-demand';

const LEFT = TURNS.indexOf('left');
const city = generateDemoCity();
const net = compileNetwork(city.meta, { seed: DEFAULT_DEMO_SEED });
const rates = peakSourceRatesVehPerS(city.meta, net);

/** Per link: the distance to the central area it gains over its length (the movements into it carry it). */
const gainOf = new Float64Array(net.links.count);
for (let m = 0; m < net.movements.count; m++) gainOf[net.movements.toLink[m]!] = net.movements.inwardGain[m]!;
/** Links heading nearly straight in or out: the radials. */
const inbound = [...gainOf.keys()].filter((l) => gainOf[l]! > 0.8);
const outbound = [...gainOf.keys()].filter((l) => gainOf[l]! < -0.8);

function inboundShareAt(localHour: number): number {
  setTurningForHour(net, localHour);
  const flows = expectedLinkFlowsVehPerS(net, rates, demandFactorAt(localHour));
  const sum = (links: number[]) => links.reduce((total, l) => total + flows[l]!, 0);
  return sum(inbound) / (sum(inbound) + sum(outbound));
}

describe('tidal demand in the demo city', () => {
  it('pulls trips in during the morning commute and out during the evening one', () => {
    expect(centrePullAt(8)).toBeGreaterThan(0.4);
    expect(centrePullAt(18)).toBeLessThan(-0.4);
    expect(Math.abs(centrePullAt(3))).toBeLessThan(0.05);
    expect(inbound.length).toBeGreaterThan(50);
    expect(outbound.length).toBeGreaterThan(50);
    const morning = inboundShareAt(8);
    const evening = inboundShareAt(18);
    expect(morning).toBeGreaterThan(0.6);
    expect(evening).toBeLessThan(0.45);
  });

  it('turns differently at the peak from the average day the fixed plans are timed for', () => {
    setTurningForHour(net, 8);
    const { dailyVehPerS, designHourVehPerS } = planFlowsVehPerS(net, rates);
    // Left turns towards the centre: a larger share of their approach, at most crossings, at the morning peak than over the day.
    const morningShare = net.movementExitShare.slice();
    const { fromLink, turn } = net.movements;
    const dailyOut = new Float64Array(net.links.count);
    for (let m = 0; m < net.movements.count; m++) dailyOut[fromLink[m]!]! += dailyVehPerS[m]!;
    let compared = 0;
    let larger = 0;
    for (let m = 0; m < net.movements.count; m++) {
      if (turn[m] !== LEFT || net.movements.inwardGain[m]! < 0.8 || dailyOut[fromLink[m]!]! <= 0) continue;
      compared++;
      if (morningShare[m]! > 1.2 * (dailyVehPerS[m]! / dailyOut[fromLink[m]!]!)) larger++;
    }
    expect(compared).toBeGreaterThan(20);
    expect(larger / compared).toBeGreaterThan(0.7);
    // The design hour is the busier peak: never below the average day.
    for (let m = 0; m < net.movements.count; m++) expect(designHourVehPerS[m]!).toBeGreaterThanOrEqual(dailyVehPerS[m]!);
    // Planning leaves the turning of the hour the network had.
    expect(net.movementExitShare).toEqual(morningShare);
  });
});
