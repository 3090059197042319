import { CONGESTION_LEVELS, CONGESTION_SPEED_RATIO_BOUNDS, congestionLevel } from '@protocol/traffic';
import { describe, expect, it } from 'vitest';
import { CONGESTION_COLORS, SPEED_RATIO_STOPS, speedRatioColor } from './congestion-colors';

const colorAt = (ratio: number) => Array.from(speedRatioColor(ratio, new Uint8Array(3)));

describe('speedRatioColor', () => {
  it("shows each level's own colour in the middle of the level's band", () => {
    expect(colorAt(0.875)).toEqual([...CONGESTION_COLORS.free]);
    expect(colorAt(0.65)).toEqual([...CONGESTION_COLORS.light]);
    expect(colorAt(0.45)).toEqual([...CONGESTION_COLORS.moderate]);
    expect(colorAt(0.275)).toEqual([...CONGESTION_COLORS.heavy]);
    expect(colorAt(0.1)).toEqual([...CONGESTION_COLORS.jammed]);
  });

  it('agrees with the protocol: every stop lies inside the band of its level', () => {
    SPEED_RATIO_STOPS.forEach((stop, index) => {
      const level = CONGESTION_LEVELS[congestionLevel(stop.ratio * 100, 100)]!;
      expect(CONGESTION_COLORS[level]).toBe(stop.color);
      expect(index === 0 || stop.ratio > SPEED_RATIO_STOPS[index - 1]!.ratio).toBe(true);
    });
    expect(SPEED_RATIO_STOPS).toHaveLength(CONGESTION_SPEED_RATIO_BOUNDS.length + 1);
  });

  it('blends halfway between two levels halfway between their stops', () => {
    const [r, g, b] = colorAt((0.45 + 0.275) / 2);
    const { moderate, heavy } = CONGESTION_COLORS;
    expect(r).toBe(Math.round((moderate[0] + heavy[0]) / 2));
    expect(g).toBe(Math.round((moderate[1] + heavy[1]) / 2));
    expect(b).toBe(Math.round((moderate[2] + heavy[2]) / 2));
  });

  it('holds the end colours beyond the stops: standstill is jammed, faster than free flow is free', () => {
    expect(colorAt(0)).toEqual([...CONGESTION_COLORS.jammed]);
    expect(colorAt(1.4)).toEqual([...CONGESTION_COLORS.free]);
  });

  it('draws a speed that is not a number in black', () => {
    expect(colorAt(Number.NaN)).toEqual([0, 0, 0]);
  });

  it('writes at the given offset and leaves the rest of the buffer alone', () => {
    const out = new Uint8Array([9, 9, 9, 9, 9, 9, 9, 255]);
    speedRatioColor(0.1, out, 4);
    expect(Array.from(out)).toEqual([9, 9, 9, 9, ...CONGESTION_COLORS.jammed, 255]);
  });
});
