/**
 * A small seeded pseudo-random number generator (sfc32, Chris Doty-Humphrey's
 * "Small Fast Counting" generator) for reproducible generated content.
 *
 * Only 32-bit integer arithmetic is used (`Math.imul`, shifts, `>>> 0`), so a
 * seed gives the same sequence on every platform and engine. `Math.random`
 * is never consulted.
 *
 * A generator is identified by a seed and a stream label: each concern of a
 * generator (river, roads, buildings …) draws from its own stream, so adding a
 * draw in one concern does not shift the numbers every other concern sees.
 */

import { MAX_SEED } from '../protocol/city';

/** Throws a RangeError naming the seed unless it is an integer in 0..MAX_SEED. */
export function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer in 0..${MAX_SEED}, got ${seed}`);
  }
  return seed;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed unsigned 32-bit integer
   * @param stream label of an independent stream for the same seed; default ''
   */
  constructor(seed: number, stream = '') {
    checkSeed(seed);
    let h = 0x811c9dc5 ^ seed; // FNV-1a over the label, started from the seed
    for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
    const split = splitMix32(h >>> 0);
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    // The first outputs of sfc32 still echo the seed; discard them as its author advises.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(min, max) needs integers with min ≤ max, got ${min}, ${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability (0..1). */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A uniformly chosen element; throws on an empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An element chosen with probability proportional to its weight (weights ≥ 0, sum > 0). */
  weighted<T>(choices: readonly (readonly [item: T, weight: number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
    let remaining = this.next() * total;
    for (const [item, weight] of choices) {
      remaining -= weight;
      if (remaining < 0) return item;
    }
    return choices[choices.length - 1]![0]; // only reached through rounding at the very top
  }

  /**
   * Approximately normal value (Irwin–Hall: sum of four uniforms, rescaled),
   * bounded to mean ± 3.46 sd. Avoids `Math.log`, whose last bit may differ
   * between platforms.
   */
  normalish(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * Math.sqrt(3) * sd;
  }

  /** Shuffles the array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** splitmix32: spreads one 32-bit value over a sequence of well-mixed words for seeding. */
function splitMix32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}
