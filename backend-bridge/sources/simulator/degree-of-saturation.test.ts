import { describe, expect, it } from 'vitest';
import type { SignalPlan } from '../../protocol/signals';
import { chainCity } from './chain-city.fixture';
import { crossingSaturations } from './degree-of-saturation';
import { compileNetwork } from './network';
import { testPhase as phase } from '../../protocol/signal-phase.fixture';

const link = { lengthM: 300, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 };
const net = compileNetwork(chainCity([link, link], [1]).meta, { seed: 1 });
const movementId = net.movements.ids[0]!;
/** 60 s cycle: the movement's phase gets 20 s of it, a phase for nobody 30 s; 10 s lost. */
const plan = (greenS = 20): SignalPlan => ({
  nodeId: 'n1',
  version: 1,
  cycleS: 60,
  offsetS: 0,
  phases: [phase('a', [movementId], greenS), phase('b', [], 50 - greenS)],
});

describe('degree of saturation of a signalized crossing', () => {
  const saturationVehPerS = net.movementSaturationVehPerS[0]!;
  const demand = Float64Array.of(0.3 * saturationVehPerS);

  it('gives v / (s·g/C) under the plan and Σ y · C / (C − L) at a split in proportion to demand', () => {
    expect(net.movements.count).toBe(1);
    const [crossing] = crossingSaturations(net, new Map([['n1', plan()]]), demand);
    expect(crossing!.nodeId).toBe('n1');
    expect(crossing!.movementId).toBe(movementId);
    expect(crossing!.splitX).toBeCloseTo(0.3 / (20 / 60), 9);
    expect(crossing!.criticalX).toBeCloseTo((0.3 * 60) / 50, 9);
  });

  it('takes more green as less saturated and leaves the critical x alone', () => {
    const [crossing] = crossingSaturations(net, new Map([['n1', plan(40)]]), demand);
    expect(crossing!.splitX).toBeCloseTo(0.3 / (40 / 60), 9);
    expect(crossing!.criticalX).toBeCloseTo((0.3 * 60) / 50, 9);
  });

  it('calls a movement with demand and no green infinitely saturated', () => {
    const starved: SignalPlan = { ...plan(), phases: [phase('a', [], 20), phase('b', [], 30)] };
    expect(crossingSaturations(net, new Map([['n1', starved]]), demand)[0]!.splitX).toBe(Infinity);
  });

  it('refuses demand that does not match the movements, and plans for unknown nodes or movements', () => {
    expect(() => crossingSaturations(net, new Map([['n1', plan()]]), new Float64Array(2))).toThrow(/one flow per movement \(1\), got 2/);
    expect(() => crossingSaturations(net, new Map([['n9', { ...plan(), nodeId: 'n9' }]]), demand)).toThrow(/unknown node "n9"/);
    const wrong: SignalPlan = { ...plan(), phases: [phase('a', ['nope'], 20), phase('b', [], 30)] };
    expect(() => crossingSaturations(net, new Map([['n1', wrong]]), demand)).toThrow(/unknown movement "nope"/);
  });
});
