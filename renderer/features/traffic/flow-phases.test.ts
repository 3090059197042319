import { describe, expect, it } from 'vitest';
import { FLOW_KMH_PER_HZ, FlowPhases } from './flow-phases';

describe('FlowPhases', () => {
  it('sets rates from speed: one pulse a second at 40 km/h', () => {
    const phases = new FlowPhases(2);
    phases.advance([40, 10], 1000, true);
    expect(FLOW_KMH_PER_HZ).toBe(40);
    expect(Array.from(phases.rateHz)).toEqual([1, 0.25]);
    expect(Array.from(phases.phase)).toEqual([0, 0]);
    expect(phases.phaseAtMs).toBe(1000);
  });

  it('moves phases on at the previous rates before taking new ones, so pulses never jump', () => {
    const phases = new FlowPhases(1);
    phases.advance([20], 0, true);
    phases.advance([80], 250, true);
    // 0.5 Hz for 0.25 s: an eighth of a cycle, whatever the new speed.
    expect(phases.phase[0]).toBeCloseTo(0.125, 6);
    phases.advance([80], 500, true);
    expect(phases.phase[0]).toBeCloseTo(0.625, 6);
  });

  it('keeps phases within one cycle', () => {
    const phases = new FlowPhases(1);
    phases.advance([120], 0, true);
    phases.advance([120], 1100, true);
    expect(phases.phase[0]).toBeCloseTo(0.3, 5);
  });

  it('stops every pulse while the sim is paused, and starts them from where they stood', () => {
    const phases = new FlowPhases(1);
    phases.advance([40], 0, true);
    phases.advance([40], 500, false);
    expect(phases.rateHz[0]).toBe(0);
    phases.advance([40], 9000, true);
    expect(phases.phase[0]).toBeCloseTo(0.5, 6);
  });

  it('rejects a frame for another number of links', () => {
    expect(() => new FlowPhases(3).advance([1, 2], 0, true)).toThrow('flow phases: 2 speeds for 3 links');
  });
});
