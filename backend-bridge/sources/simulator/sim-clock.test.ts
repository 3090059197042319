import { describe, expect, it } from 'vitest';
import { SimClock, checkSpeedFactor } from './sim-clock';

describe('SimClock', () => {
  it('runs sim time at the speed factor from where it started', () => {
    const clock = new SimClock(1_000_000, 500, 10);
    expect(clock.simTimeAt(500)).toBe(1_000_000);
    expect(clock.simTimeAt(1500)).toBe(1_010_000);
  });

  it('changes speed without a jump in sim time', () => {
    const clock = new SimClock(0, 0, 1);
    clock.setSpeedFactor(60, 1000);
    expect(clock.simTimeAt(1000)).toBe(1000);
    expect(clock.simTimeAt(2000)).toBe(61_000);
    expect(clock.speedFactor).toBe(60);
  });

  it('stands still while paused and goes on from there on resume', () => {
    const clock = new SimClock(0, 0, 2);
    clock.pause(1000);
    expect(clock.paused).toBe(true);
    expect(clock.simTimeAt(5000)).toBe(2000);
    clock.resume(5000);
    expect(clock.simTimeAt(6000)).toBe(4000);
  });

  it('refuses speeds outside 1–60, naming the value', () => {
    expect(() => new SimClock(0, 0, 0.5)).toThrow('sim speed factor must be a number from 1 to 60, got 0.5');
    expect(() => checkSpeedFactor(61)).toThrow('got 61');
    expect(() => checkSpeedFactor('10')).toThrow('got "10"');
    expect(() => checkSpeedFactor(Number.NaN)).toThrow('got NaN');
    expect(checkSpeedFactor(60)).toBe(60);
  });
});
