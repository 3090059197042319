import { describe, expect, it } from 'vitest';
import { type FreshnessInputs, STREAM_RULES, ageParts, formatAgeClock, levelOf, streamFreshness, worstLevel } from './freshness';

const NOW = Date.UTC(2030, 0, 1, 23, 41, 5);
const inputs = (overrides: Partial<FreshnessInputs> = {}): FreshnessInputs => ({
  nowMs: NOW,
  arrivedAtMs: {},
  linkHeardAtMs: NOW - 200,
  linkOpen: true,
  simPaused: false,
  ...overrides,
});

describe('levelOf', () => {
  it('is fresh up to the aging threshold, aging up to the stale one, stale past it', () => {
    const rule = { agingAfterMs: 5_000, staleAfterMs: 15_000 };
    expect([0, 5_000, 5_001, 15_000, 15_001].map((ageMs) => levelOf(ageMs, rule))).toEqual(['fresh', 'fresh', 'aging', 'aging', 'stale']);
  });
});

describe('streamFreshness', () => {
  it('dates a periodic stream by its own last message, not by the link', () => {
    const freshness = streamFreshness('traffic', inputs({ arrivedAtMs: { traffic: NOW - 7_000 } }));
    expect(freshness).toEqual({ level: 'aging', ageMs: 7_000, asOfMs: NOW - 7_000 });
  });

  it('keeps an on-change stream fresh while the link is heard, however old its last change', () => {
    const freshness = streamFreshness('alerts', inputs({ arrivedAtMs: { alerts: NOW - 3_600_000 } }));
    expect(freshness).toEqual({ level: 'fresh', ageMs: 200, asOfMs: NOW - 200 });
  });

  it('ages every stream from the moment the link drops, and greys it out past 15 s', () => {
    const dropped = inputs({ linkOpen: false, linkHeardAtMs: NOW - 2_000, arrivedAtMs: { traffic: NOW - 2_000, alerts: NOW - 60_000 } });
    expect(streamFreshness('traffic', dropped).level).toBe('aging');
    expect(streamFreshness('alerts', dropped)).toEqual({ level: 'aging', ageMs: 2_000, asOfMs: NOW - 2_000 });
    const longGone = { ...dropped, nowMs: NOW + 20_000 };
    expect(streamFreshness('link', longGone)).toEqual({ level: 'stale', ageMs: 22_000, asOfMs: NOW - 2_000 });
    expect(streamFreshness('traffic', longGone).level).toBe('stale');
  });

  it('lets sim streams follow the link while the sim is paused, when frames may stop with nothing wrong', () => {
    const paused = inputs({ simPaused: true, arrivedAtMs: { traffic: NOW - 60_000 } });
    expect(streamFreshness('traffic', paused).level).toBe('fresh');
    expect(streamFreshness('signals', { ...paused, arrivedAtMs: { signals: NOW - 60_000 } }).level).toBe('stale');
  });

  it('has no age for a stream that never arrived, and is not fresh once the link is down', () => {
    expect(streamFreshness('signals', inputs())).toEqual({ level: 'fresh', ageMs: null, asOfMs: null });
    expect(streamFreshness('signals', inputs({ linkOpen: false }))).toEqual({ level: 'aging', ageMs: null, asOfMs: null });
  });

  it('documents a threshold for every stream with aging before stale', () => {
    for (const rule of Object.values(STREAM_RULES)) expect(rule.agingAfterMs).toBeLessThan(rule.staleAfterMs);
  });
});

describe('worstLevel', () => {
  it('is as fresh as the oldest of its streams', () => {
    expect(worstLevel(['fresh', 'aging'])).toBe('aging');
    expect(worstLevel(['aging', 'stale', 'fresh'])).toBe('stale');
    expect(worstLevel([])).toBe('fresh');
  });
});

describe('age formats', () => {
  it('writes an age as hh:mm:ss and as minutes and seconds', () => {
    expect(formatAgeClock(42_900)).toBe('00:00:42');
    expect(formatAgeClock(3_723_000)).toBe('01:02:03');
    expect(ageParts(80_000)).toEqual({ minutes: 1, seconds: 20 });
    expect(ageParts(-5)).toEqual({ minutes: 0, seconds: 0 });
  });
});
