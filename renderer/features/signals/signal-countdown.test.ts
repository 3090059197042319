import { describe, expect, it } from 'vitest';
import { type CountdownAnchor, countdownAt, simSpeedOf } from './signal-countdown';
import { twoPhasePlan } from './signal-plan.fixture';

const T0 = Date.UTC(2030, 0, 1, 0, 0, 0);

function anchor(overrides: Partial<CountdownAnchor> = {}): CountdownAnchor {
  return {
    plan: twoPhasePlan(),
    simTimeMs: T0,
    state: { phaseIndex: 0, interval: 'green', remainingS: 10 },
    receivedAtMs: 1000,
    ...overrides,
  };
}

describe('countdownAt', () => {
  it('counts down by the sim time passed at the sim clock pace', () => {
    const at = countdownAt(anchor(), 1500, { simSpeed: 10 });
    expect(at).toMatchObject({ phaseIndex: 0, interval: 'green', remainingS: 5, simTimeMs: T0 + 5000 });
  });

  it('walks on into yellow, all-red and the next phase when an interval runs out', () => {
    // 10 s of green left, then 3 s yellow, 2 s all-red: 16 s later phase 1 has had 1 s of green.
    const at = countdownAt(anchor(), 2600, { simSpeed: 10 });
    expect(at).toMatchObject({ phaseIndex: 1, interval: 'green', remainingS: 24 });
    expect(countdownAt(anchor(), 2100, { simSpeed: 10 })).toMatchObject({ phaseIndex: 0, interval: 'yellow', remainingS: 2 });
  });

  it('skips an all-red of zero seconds', () => {
    const plan = twoPhasePlan();
    plan.phases[0]!.allRedS = 0;
    plan.cycleS = 58;
    const at = countdownAt(anchor({ plan, state: { phaseIndex: 0, interval: 'yellow', remainingS: 1 } }), 1200, { simSpeed: 10 });
    expect(at).toMatchObject({ phaseIndex: 1, interval: 'green', remainingS: 24 });
  });

  it('stands still while the sim is paused', () => {
    expect(countdownAt(anchor(), 1900, { simSpeed: 0 })).toMatchObject({ phaseIndex: 0, remainingS: 10, simTimeMs: T0 });
  });

  it('halts after the extrapolation limit when pushes stop, instead of running on', () => {
    const at = countdownAt(anchor(), 60_000, { simSpeed: 1, maxExtrapolationMs: 2000 });
    expect(at.remainingS).toBe(8);
  });

  it('switches to the pending plan at the cycle boundary it takes effect at', () => {
    const pendingPlan = twoPhasePlan({ version: 4, cycleS: 70 });
    pendingPlan.phases[0]!.greenS = 35;
    // Last interval of the cycle: 1 s of all-red left, then the boundary.
    const start = anchor({
      state: { phaseIndex: 1, interval: 'all-red', remainingS: 1 },
      pending: { plan: pendingPlan, effectiveSimTimeMs: T0 + 1000 },
    });
    const at = countdownAt(start, 1300, { simSpeed: 10 });
    expect(at.plan.version).toBe(4);
    expect(at).toMatchObject({ phaseIndex: 0, interval: 'green', remainingS: 33 });
  });

  it('keeps the running plan at a boundary before the pending plan is due', () => {
    const start = anchor({
      state: { phaseIndex: 1, interval: 'all-red', remainingS: 1 },
      pending: { plan: twoPhasePlan({ version: 4 }), effectiveSimTimeMs: T0 + 61_000 },
    });
    expect(countdownAt(start, 1300, { simSpeed: 10 }).plan.version).toBe(3);
  });
});

describe('simSpeedOf', () => {
  it('is 0 while paused, the achieved pace while running, the asked pace before any is measured', () => {
    expect(simSpeedOf({ paused: true, speedFactor: 10, achievedSpeedFactor: 0 })).toBe(0);
    expect(simSpeedOf({ paused: false, speedFactor: 10, achievedSpeedFactor: 8.5 })).toBe(8.5);
    expect(simSpeedOf({ paused: false, speedFactor: 10, achievedSpeedFactor: 0 })).toBe(10);
    expect(simSpeedOf(null)).toBe(1);
  });
});
