import { encodeTrafficFrame } from '@protocol/traffic';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnectionStore } from '../connection/connection-store';
import { FakeBridge, welcome } from '../connection/fake-bridge';
import { connectToFakeBridge } from '../connection/fake-connection';
import { useFreshnessStore } from './freshness-store';

let bridge: FakeBridge;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T23:40:00Z') });
  setActivePinia(createPinia());
  bridge = new FakeBridge();
});

afterEach(() => {
  useConnectionStore().disconnect();
  vi.useRealTimers();
});

const trafficFrame = () =>
  encodeTrafficFrame({
    seq: 7,
    simTimeMs: Date.now(),
    speedFactor: 1,
    speedKmh: new Uint8Array([40]),
    densityVehPerKmLane: new Uint8Array([10]),
    flowVehPerH: new Uint16Array([800]),
    level: new Uint8Array([0]),
  });
const simClock = (paused = false) => ({ type: 'sim-clock', simTimeMs: Date.now(), speedFactor: 1, achievedSpeedFactor: paused ? 0 : 1, paused });

describe('the freshness store', () => {
  it('says nothing is lost while the bridge is live, and keeps summaries fresh while they keep coming', () => {
    const freshness = useFreshnessStore();
    connectToFakeBridge(bridge, { random: () => 0.5 });
    expect(freshness.linkLost).toBeNull();
    expect(freshness.of('link').level).toBe('fresh');
  });

  it('marks the link lost from the last time the bridge was heard when it drops, and every stream stale 15 s later', () => {
    const freshness = useFreshnessStore();
    const connection = connectToFakeBridge(bridge, { random: () => 0.5 });
    const heardAtMs = connection.lastMessageAt!;
    bridge.latest.serverClose(1006);
    expect(freshness.linkLost).toEqual({ sinceMs: heardAtMs, ageMs: 0 });
    expect(freshness.of('alerts').level).toBe('aging');

    // The bridge stays away: reconnects keep failing.
    for (let s = 0; s < 20; s++) {
      vi.advanceTimersByTime(1000);
      if (connection.state === 'connecting') bridge.latest.serverClose(1006);
    }
    expect(freshness.linkLost?.ageMs).toBeGreaterThanOrEqual(20_000);
    expect(freshness.of(['alerts', 'link']).level).toBe('stale');
  });

  it('is live again once a restarted bridge welcomes the client in a new session', () => {
    const freshness = useFreshnessStore();
    const connection = connectToFakeBridge(bridge, { random: () => 0.5 });
    bridge.latest.serverClose(1006);
    vi.advanceTimersByTime(30_000);
    if (connection.state === 'connecting') {
      bridge.latest.open();
      bridge.latest.deliver(welcome({ sessionId: 'session-2' }));
    }
    expect(connection.state).toBe('live');
    expect(freshness.linkLost).toBeNull();
    expect(freshness.of('link').level).toBe('fresh');
  });

  it('greys a stream that stopped while the link is up, unless the sim is paused', () => {
    const freshness = useFreshnessStore();
    const connection = connectToFakeBridge(bridge, { random: () => 0.5 });
    bridge.latest.deliver(simClock());
    bridge.latest.deliver(trafficFrame());
    expect(freshness.of('traffic').level).toBe('fresh');
    // Heartbeats keep the link up, but no traffic comes.
    for (let s = 0; s < 16; s++) {
      vi.advanceTimersByTime(1000);
      bridge.latest.deliver({ type: 'heartbeat', serverTime: Date.now(), clients: 1 });
    }
    expect(connection.state).toBe('live');
    expect(freshness.of('traffic')).toMatchObject({ level: 'stale', ageMs: 16_000 });
    bridge.latest.deliver(simClock(true));
    vi.advanceTimersByTime(1000);
    expect(freshness.of('traffic').level).toBe('fresh');
  });
});
