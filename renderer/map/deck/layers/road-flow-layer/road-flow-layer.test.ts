import { describe, expect, it } from 'vitest';
import { pulseSpacingM } from './road-flow-layer';

describe('pulseSpacingM', () => {
  it('picks the power of two metres nearest to the wanted spacing on screen', () => {
    // 48 px at 1.5 m/px is 72 m: 64 m is nearer than 128 m.
    expect(pulseSpacingM(1.5, 48)).toBe(64);
    // 48 px at 10 m/px is 480 m: 512 m.
    expect(pulseSpacingM(10, 48)).toBe(512);
  });

  it('keeps the spacing unchanged while the zoom changes by less than half a doubling', () => {
    expect(pulseSpacingM(1.3, 48)).toBe(pulseSpacingM(1.6, 48));
  });

  it('never spaces pulses closer than 4 m', () => {
    expect(pulseSpacingM(0.01, 48)).toBe(4);
  });
});
