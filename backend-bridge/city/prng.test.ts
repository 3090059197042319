import { describe, expect, it } from 'vitest';
import { MAX_SEED } from '../protocol';
import { Prng } from './prng';

const draw = (rng: Prng, count: number) => Array.from({ length: count }, () => rng.nextUint32());

describe('Prng', () => {
  it('produces the pinned sequence for a seed and stream, so generated cities never drift', () => {
    expect(draw(new Prng(1, 'test'), 4)).toEqual([3987454533, 87017877, 3379373602, 2677182462]);
    expect(draw(new Prng(0), 3)).toEqual([3262551545, 3082764244, 4163322420]);
  });

  it('gives independent sequences to different streams and different seeds', () => {
    const base = draw(new Prng(7, 'roads'), 8);
    expect(draw(new Prng(7, 'roads'), 8)).toEqual(base);
    expect(draw(new Prng(7, 'river'), 8)).not.toEqual(base);
    expect(draw(new Prng(8, 'roads'), 8)).not.toEqual(base);
  });

  it('refuses seeds that are not unsigned 32-bit integers, naming the seed', () => {
    expect(() => new Prng(-1)).toThrow(`seed must be an integer in 0..${MAX_SEED}, got -1`);
    expect(() => new Prng(1.5)).toThrow('got 1.5');
    expect(() => new Prng(MAX_SEED + 1)).toThrow(RangeError);
    expect(() => new Prng(MAX_SEED)).not.toThrow();
  });

  it('keeps floats and integers within their ranges and reaches both integer ends', () => {
    const rng = new Prng(3);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const f = rng.float(-2, 5);
      expect(f).toBeGreaterThanOrEqual(-2);
      expect(f).toBeLessThan(5);
      ints.add(rng.int(1, 4));
    }
    expect([...ints].sort()).toEqual([1, 2, 3, 4]);
    expect(() => rng.int(3, 2)).toThrow('min ≤ max');
  });

  it('draws normal-ish values with about the asked mean and spread', () => {
    const rng = new Prng(11);
    const values = Array.from({ length: 20_000 }, () => rng.normalish(50, 10));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(50, 0);
    expect(sd).toBeGreaterThan(9.5);
    expect(sd).toBeLessThan(10.5);
  });

  it('never picks an item of zero weight and shuffles into a permutation', () => {
    const rng = new Prng(5);
    for (let i = 0; i < 500; i++) {
      expect(
        rng.weighted([
          ['a', 1],
          ['never', 0],
          ['b', 2],
        ]),
      ).not.toBe('never');
    }
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(() => rng.pick([])).toThrow('at least one item');
  });
});
