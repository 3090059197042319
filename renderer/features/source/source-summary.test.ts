import type { SourceStatusMessage } from '@protocol';
import { describe, expect, it } from 'vitest';
import { summariseSource } from './source-summary';

const T0 = Date.UTC(2030, 0, 1, 8, 0, 0);
const status = (fields: Partial<SourceStatusMessage> = {}): SourceStatusMessage => ({
  type: 'source-status',
  name: 'mqtt',
  state: 'live',
  lastMessageAtMs: T0,
  lastMessageAgeMs: 1500,
  reconnects: 0,
  rejected: [],
  ...fields,
});

describe('summariseSource', () => {
  it('says nothing before the first status', () => {
    expect(summariseSource(null, 0)).toBeNull();
  });

  it('counts the age of the last message on from the status with the client’s own clock', () => {
    expect(summariseSource(status({ state: 'stale', lastMessageAgeMs: 20_400 }), 5000)).toMatchObject({ state: 'stale', tone: 'warning', ageS: 25 });
  });

  it('gives each state its tone, and no age before the first message', () => {
    expect(summariseSource(status(), 0)).toMatchObject({ tone: 'ok', ageS: 1 });
    const down = status({ state: 'down' });
    delete down.lastMessageAtMs;
    delete down.lastMessageAgeMs;
    expect(summariseSource(down, 0)).toMatchObject({ tone: 'critical', ageS: null });
  });

  it('sums the refused payloads over every channel', () => {
    const rejected = [
      { channel: 'citybrain/c/detectors/+', count: 3, lastReason: 'bad speed' },
      { channel: 'citybrain/c/alerts/cap', count: 2, lastReason: 'not XML' },
    ];
    expect(summariseSource(status({ rejected, reconnects: 4 }), 0)).toMatchObject({ rejectedCount: 5, reconnects: 4 });
  });

  it('moves a playing replay on at its speed, and holds a paused one', () => {
    const replay = { simTimeMs: T0 + 60_000, startSimTimeMs: T0, endSimTimeMs: T0 + 600_000, speedFactor: 10, paused: false, ended: false };
    const playing = summariseSource(status({ name: 'replay', replay }), 3000)!.replay!;
    expect(playing.simTimeMs).toBe(T0 + 90_000);
    expect(playing.progress).toBeCloseTo(0.15);
    const paused = summariseSource(status({ name: 'replay', replay: { ...replay, paused: true } }), 3000)!.replay!;
    expect(paused.simTimeMs).toBe(T0 + 60_000);
    expect(paused.progress).toBeCloseTo(0.1);
  });

  it('never moves a replay past its end', () => {
    const replay = { simTimeMs: T0 + 590_000, startSimTimeMs: T0, endSimTimeMs: T0 + 600_000, speedFactor: 60, paused: false, ended: false };
    expect(summariseSource(status({ replay }), 60_000)!.replay).toMatchObject({ simTimeMs: T0 + 600_000, progress: 1 });
  });
});
