import { describe, expect, it } from 'vitest';
import { type SignalPlan, checkSignalPlan, movementId, signalStateAt } from './signals';

const phase = (id: string, greenS: number, movementIds: string[]) => ({
  id,
  name: { zh: id, en: id },
  movementIds,
  greenS,
  yellowS: 3,
  allRedS: 2,
  minGreenS: 7,
  pedClearanceS: 15,
});

/** Cycle 60 s: phase ns green 0–25, yellow 25–28, all-red 28–30; phase ew green 30–55, yellow 55–58, all-red 58–60. */
const plan = (offsetS = 0): SignalPlan => ({
  nodeId: 'n2',
  version: 1,
  cycleS: 60,
  offsetS,
  phases: [phase('ns', 25, [movementId('a', 'b')]), phase('ew', 25, ['c>d', 'c>e'])],
});

/** Divisible by 60: a whole number of cycles since the epoch. */
const CYCLE_START_S = 1_717_369_200;

describe('signalStateAt', () => {
  it('walks green, yellow and all-red of each phase in order', () => {
    const at = (s: number) => signalStateAt(plan(), CYCLE_START_S + s);
    expect(at(0)).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 25 });
    expect(at(24)).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 1 });
    expect(at(25)).toEqual({ phaseIndex: 0, interval: 'yellow', remainingS: 3 });
    expect(at(29)).toEqual({ phaseIndex: 0, interval: 'all-red', remainingS: 1 });
    expect(at(30)).toEqual({ phaseIndex: 1, interval: 'green', remainingS: 25 });
    expect(at(57.5)).toEqual({ phaseIndex: 1, interval: 'yellow', remainingS: 0.5 });
    expect(at(59)).toEqual({ phaseIndex: 1, interval: 'all-red', remainingS: 1 });
    expect(at(60)).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 25 });
  });

  it('starts phase 0 offset seconds into each epoch-aligned cycle', () => {
    const shifted = plan(10);
    expect(signalStateAt(shifted, CYCLE_START_S + 10)).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 25 });
    expect(signalStateAt(shifted, CYCLE_START_S + 5)).toEqual({ phaseIndex: 1, interval: 'yellow', remainingS: 3 });
    expect(signalStateAt(shifted, CYCLE_START_S + 40)).toEqual({ phaseIndex: 1, interval: 'green', remainingS: 25 });
  });

  it('handles instants before the epoch like any other', () => {
    expect(signalStateAt(plan(), -30)).toEqual({ phaseIndex: 1, interval: 'green', remainingS: 25 });
  });

  it('writes into the result object it is given', () => {
    const result = { phaseIndex: -1, interval: 'green' as const, remainingS: -1 };
    expect(signalStateAt(plan(), CYCLE_START_S + 26, result)).toBe(result);
    expect(result).toEqual({ phaseIndex: 0, interval: 'yellow', remainingS: 2 });
  });
});

describe('checkSignalPlan', () => {
  const plain = () => JSON.parse(JSON.stringify(plan())) as Record<string, unknown> & { phases: Record<string, unknown>[] };

  it('accepts a consistent plan, including an exclusive pedestrian phase with no movements', () => {
    expect(checkSignalPlan(plain()).cycleS).toBe(60);
    const scramble = { ...plan(), cycleS: 80, phases: [...plan().phases, phase('walk', 15, [])] };
    expect(checkSignalPlan(scramble).phases[2]!.movementIds).toEqual([]);
  });

  it('refuses a cycle that is not the sum of its phase times', () => {
    expect(() => checkSignalPlan({ ...plain(), cycleS: 61 })).toThrow('plan.cycleS: must equal the sum of the phase times, 60 s, got 61');
  });

  it('refuses an offset outside the cycle', () => {
    expect(() => checkSignalPlan({ ...plain(), offsetS: 60 })).toThrow('plan.offsetS: must be less than the cycle of 60 s, got 60');
  });

  it('names a duplicate phase id and a duplicate movement', () => {
    const twice = plain();
    twice.phases[1]!.id = 'ns';
    expect(() => checkSignalPlan(twice)).toThrow('plan.phases[1].id: duplicate phase id "ns"');
    const repeated = plain();
    repeated.phases[1]!.movementIds = ['c>d', 'c>d'];
    expect(() => checkSignalPlan(repeated)).toThrow('plan.phases[1].movementIds[1]: duplicate movement "c>d"');
  });

  it('names malformed fields: movement ids, versions, missing phases', () => {
    const badMovement = plain();
    badMovement.phases[0]!.movementIds = ['a-b'];
    expect(() => checkSignalPlan(badMovement)).toThrow('plan.phases[0].movementIds[0]: does not match');
    expect(() => checkSignalPlan({ ...plain(), version: 0 })).toThrow('plan.version: must be ≥ 1, got 0');
    expect(() => checkSignalPlan({ ...plain(), phases: [] })).toThrow('plan.phases: needs at least one phase');
    const noGreen = plain();
    delete noGreen.phases[0]!.greenS;
    expect(() => checkSignalPlan(noGreen)).toThrow('plan.phases[0].greenS: is required');
  });
});
