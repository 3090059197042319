import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulatorRunner, type SteppableSim } from './simulator-runner';

const START_MS = 1_717_369_200_000;

/** A stand-in sim whose every step costs `stepCostMs` of wall time on the runner's clock. */
function fakeSim(stepCostMs = 0) {
  let extraWallMs = 0;
  const sim: { simTimeMs: number; network: SteppableSim['network']; steps: number; step(): void } = {
    simTimeMs: START_MS,
    network: { stepS: 1 },
    steps: 0,
    step() {
      sim.simTimeMs += 1000;
      sim.steps++;
      extraWallMs += stepCostMs;
    },
  };
  return { sim, now: () => Date.now() + extraWallMs };
}

describe('SimulatorRunner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the sim at the speed factor and publishes four times a wall second', () => {
    const { sim, now } = fakeSim();
    const published: number[] = [];
    const runner = new SimulatorRunner(sim, (t) => published.push(t), { speedFactor: 10, now });
    runner.start();
    vi.advanceTimersByTime(2000);
    expect(sim.simTimeMs - START_MS).toBe(20_000);
    expect(published).toHaveLength(9); // at 0, 250, …, 2000 ms
    expect(published[published.length - 1]).toBe(sim.simTimeMs);
    expect(runner.status()).toMatchObject({ speedFactor: 10, achievedSpeedFactor: 10, paused: false, running: true });
    runner.stop();
    vi.advanceTimersByTime(1000);
    expect(runner.status().running).toBe(false);
    expect(sim.simTimeMs - START_MS).toBe(20_000);
  });

  it('holds sim time while paused and changes speed on the fly', () => {
    const { sim, now } = fakeSim();
    const runner = new SimulatorRunner(sim, () => {}, { now });
    runner.start();
    vi.advanceTimersByTime(3000);
    runner.pause();
    vi.advanceTimersByTime(5000);
    expect(sim.simTimeMs - START_MS).toBe(3000);
    expect(runner.status()).toMatchObject({ paused: true, achievedSpeedFactor: 0 });
    runner.resume();
    runner.setSpeedFactor(60);
    vi.advanceTimersByTime(1000);
    expect(sim.simTimeMs - START_MS).toBe(63_000);
    expect(() => runner.setSpeedFactor(100)).toThrow('sim speed factor must be a number from 1 to 60, got 100');
    runner.stop();
  });

  it('reports the speed it achieves when the sim cannot keep up, without piling up a backlog', () => {
    const { sim, now } = fakeSim(20); // two 20 ms steps fit a 30 ms budget: 2 sim seconds per 90 ms of wall time
    const runner = new SimulatorRunner(sim, () => {}, { speedFactor: 60, now });
    runner.start();
    vi.advanceTimersByTime(5000);
    const { achievedSpeedFactor } = runner.status();
    expect(achievedSpeedFactor).toBeGreaterThan(15);
    expect(achievedSpeedFactor).toBeLessThan(30);
    runner.setSpeedFactor(1);
    const before = sim.steps;
    vi.advanceTimersByTime(2000);
    expect(sim.steps - before).toBeLessThanOrEqual(3); // no burst to catch up on dropped time
    runner.stop();
  });

  it('names an option out of range', () => {
    const { sim } = fakeSim();
    expect(() => new SimulatorRunner(sim, () => {}, { publishHz: 0 })).toThrow('publishHz must be in (0, 60], got 0');
    expect(() => new SimulatorRunner(sim, () => {}, { tickMs: 50, tickBudgetMs: 80 })).toThrow('tickBudgetMs must be in (0, tickMs = 50], got 80');
    expect(() => new SimulatorRunner(sim, () => {}, { speedFactor: 0 })).toThrow('got 0');
  });
});
