import { describe, expect, it } from 'vitest';
import { MaxPressureSignal, clearanceTiming, maxPressurePhase, phasePressure } from './max-pressure';

const phases = [
  { minGreenS: 10, pedClearanceS: 0, yellowS: 3, allRedS: 2 },
  { minGreenS: 10, pedClearanceS: 0, yellowS: 3, allRedS: 0 },
];

describe('max-pressure rule', () => {
  it('weighs upstream minus downstream by capacity', () => {
    expect(phasePressure([{ upstreamVeh: 10, downstreamVeh: 4 }, { upstreamVeh: 2, downstreamVeh: 0, capacityLanes: 2 }])).toBe(10);
  });

  it('keeps the current phase on a tie and picks the largest otherwise', () => {
    expect(maxPressurePhase([5, 5, 1], 1)).toBe(1);
    expect(maxPressurePhase([5, 7, 1], 0)).toBe(1);
  });
});

describe('clearanceTiming', () => {
  it('decides every two clearances, at least every 5 s, and looks for a gap every second', () => {
    expect(clearanceTiming(phases)).toEqual({ decisionStepS: 10, idleCheckS: 1 });
    expect(clearanceTiming([{ ...phases[1]!, yellowS: 0 }])).toEqual({ decisionStepS: 5, idleCheckS: 1 });
  });
});

describe('MaxPressureSignal', () => {
  it('holds the minimum green before the first decision', () => {
    const signal = new MaxPressureSignal(phases, { decisionStepS: 5 });
    let asked = 0;
    signal.advance(9.5, () => (asked++, [0, 100]));
    expect(asked).toBe(0);
    expect(signal.state()).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 0.5 });
  });

  it('switches through yellow and all-red to the phase of largest pressure', () => {
    const signal = new MaxPressureSignal(phases, { decisionStepS: 5 });
    signal.advance(10, () => [0, 100]);
    expect(signal.state()).toMatchObject({ phaseIndex: 0, interval: 'yellow', remainingS: 3 });
    signal.advance(3, () => [0, 0]);
    expect(signal.state()).toMatchObject({ phaseIndex: 0, interval: 'all-red', remainingS: 2 });
    signal.advance(2, () => [0, 0]);
    expect(signal.state()).toEqual({ phaseIndex: 1, interval: 'green', remainingS: 10 });
  });

  it('extends the green one decision step at a time while its pressure leads', () => {
    const signal = new MaxPressureSignal(phases, { decisionStepS: 5 });
    let asked = 0;
    signal.advance(22, () => (asked++, [9, 1]));
    expect(asked).toBe(3);
    expect(signal.state()).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 3 });
  });

  it('holds a green for its pedestrians when their clearance is longer than the minimum', () => {
    const signal = new MaxPressureSignal([{ ...phases[0]!, pedClearanceS: 18 }, phases[1]!], { decisionStepS: 5 });
    signal.advance(17, () => [0, 100]);
    expect(signal.state()).toMatchObject({ phaseIndex: 0, interval: 'green', remainingS: 1 });
    signal.advance(1, () => [0, 100]);
    expect(signal.state()).toMatchObject({ phaseIndex: 0, interval: 'yellow' });
  });

  it('passes a zero all-red within one step', () => {
    const signal = new MaxPressureSignal(phases, { decisionStepS: 5 }, 1);
    signal.advance(13, () => [50, 0]);
    expect(signal.state()).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 10 });
  });

  it('the same demand gives the same switches whatever the step', () => {
    const run = (dtS: number): string[] => {
      const signal = new MaxPressureSignal(phases, { decisionStepS: 5 });
      const seen: string[] = [];
      let t = 0;
      while (t < 200) {
        signal.advance(dtS, () => (Math.floor(t / 40) % 2 === 0 ? [0, 10] : [10, 0]));
        t += dtS;
        const s = signal.state();
        if (seen.at(-1) !== `${s.phaseIndex}${s.interval}`) seen.push(`${s.phaseIndex}${s.interval}`);
      }
      return seen;
    };
    expect(run(0.5)).toEqual(run(1));
  });
});

describe('MaxPressureSignal next phase', () => {
  it('names the green that follows: its own while green, the chosen one while clearing', () => {
    const signal = new MaxPressureSignal([...phases, { minGreenS: 10, pedClearanceS: 0, yellowS: 3, allRedS: 0 }], { decisionStepS: 5 });
    expect(signal.nextPhaseIndex()).toBe(0);
    signal.advance(10, () => [0, 1, 100]);
    expect(signal.state().interval).toBe('yellow');
    expect(signal.nextPhaseIndex()).toBe(2);
    signal.advance(3, () => [0, 0, 0]);
    expect(signal.state()).toMatchObject({ phaseIndex: 0, interval: 'all-red' });
    expect(signal.nextPhaseIndex()).toBe(2);
  });
});

describe('MaxPressureSignal idle checks', () => {
  it('ends a green nobody uses at the next idle look, not at the next decision', () => {
    const signal = new MaxPressureSignal(phases, { decisionStepS: 20, idleCheckS: 1 });
    let asked = 0;
    signal.advance(12, () => (asked++, [0, 4]));
    // Minimum green 10 s, then the first look finds phase 0 idle and phase 1 waiting.
    expect(asked).toBe(1);
    expect(signal.state()).toMatchObject({ phaseIndex: 0, interval: 'yellow', remainingS: 1 });
  });

  it('keeps a green that still has pressure until the decision step', () => {
    const signal = new MaxPressureSignal(phases, { decisionStepS: 20, idleCheckS: 1 });
    let asked = 0;
    signal.advance(19.5, () => (asked++, [2, 9]));
    expect(signal.state()).toMatchObject({ phaseIndex: 0, interval: 'green', remainingS: 0.5 });
    expect(asked).toBe(10); // looks at 10, 11, … 19 s
    signal.advance(1, () => [2, 9]);
    expect(signal.state()).toMatchObject({ phaseIndex: 0, interval: 'yellow' });
  });

  it('refuses an idle check that is not a positive time', () => {
    expect(() => new MaxPressureSignal(phases, { decisionStepS: 5, idleCheckS: 0 })).toThrow(/idleCheckS must be positive/);
  });
});
