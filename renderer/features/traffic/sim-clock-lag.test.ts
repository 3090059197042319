import type { SimClockMessage } from '@protocol';
import { describe, expect, it } from 'vitest';
import { simClockLag } from './sim-clock-lag';

const clock = (speedFactor: number, achievedSpeedFactor: number, paused = false): SimClockMessage => ({
  type: 'sim-clock',
  simTimeMs: 0,
  speedFactor,
  achievedSpeedFactor,
  paused,
});

describe('simClockLag', () => {
  it('reports a sim running below 90 % of the asked speed', () => {
    expect(simClockLag(clock(60, 41.5))).toEqual({ achieved: 41.5, asked: 60 });
  });

  it('stays quiet within 10 % of the asked speed', () => {
    expect(simClockLag(clock(60, 54))).toBeNull();
    expect(simClockLag(clock(1, 0.95))).toBeNull();
  });

  it('stays quiet while paused, when nothing is achieved on purpose', () => {
    expect(simClockLag(clock(10, 0, true))).toBeNull();
  });

  it('stays quiet before the clock is known', () => {
    expect(simClockLag(null)).toBeNull();
  });
});
