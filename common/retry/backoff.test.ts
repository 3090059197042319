import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, VIEW_RECONNECT_BACKOFF, backoffDelayMs } from './backoff';

const almostOne = () => 0.999_999;

describe('backoffDelayMs', () => {
  it('caps the first retry at the base delay of 500 ms', () => {
    expect(backoffDelayMs(1, almostOne)).toBe(499);
  });

  it('doubles the cap with every failed attempt', () => {
    const caps = [1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, almostOne) + 1);
    expect(caps).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('never waits longer than 30 s, however many attempts failed', () => {
    expect(backoffDelayMs(7, almostOne)).toBe(29_999);
    expect(backoffDelayMs(10_000, almostOne)).toBe(29_999);
  });

  it('draws uniformly below the cap (full jitter), down to zero', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5)).toBe(1000);
    expect(backoffDelayMs(3, () => 0.25)).toBe(500);
  });

  it('honours custom options', () => {
    expect(backoffDelayMs(3, () => 0.5, { baseMs: 100, factor: 3, maxMs: 10_000 })).toBe(450);
  });

  it('rejects an attempt number that is not a positive integer', () => {
    expect(() => backoffDelayMs(0)).toThrow('backoff attempt: expected an integer ≥ 1, got 0');
    expect(() => backoffDelayMs(1.5)).toThrow(/got 1.5/);
  });

  it('rejects a random source that leaves [0, 1)', () => {
    expect(() => backoffDelayMs(1, () => 1)).toThrow('backoff random source: expected a number in [0, 1), got 1');
    expect(() => backoffDelayMs(1, () => Number.NaN)).toThrow(/got NaN/);
  });

  it('rejects options that cannot produce a sensible delay', () => {
    expect(() => backoffDelayMs(1, Math.random, { ...DEFAULT_BACKOFF, baseMs: 0 })).toThrow(/baseMs/);
    expect(() => backoffDelayMs(1, Math.random, { ...DEFAULT_BACKOFF, factor: 0.5 })).toThrow(/factor/);
    expect(() => backoffDelayMs(1, Math.random, { ...DEFAULT_BACKOFF, maxMs: 100 })).toThrow(/maxMs/);
  });

  it('brings a screen back to its bridge within 5 s of the bridge returning, however many attempts failed', () => {
    expect(backoffDelayMs(4, almostOne, VIEW_RECONNECT_BACKOFF)).toBe(3999);
    expect(backoffDelayMs(10_000, almostOne, VIEW_RECONNECT_BACKOFF)).toBe(4999);
  });
});
