import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnectionStore } from '../connection/connection-store';
import { FakeBridge, welcome } from '../connection/fake-bridge';
import { connectToFakeBridge } from '../connection/fake-connection';
import { useSourceStore } from './source-store';

let bridge: FakeBridge;

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  bridge = new FakeBridge();
});

afterEach(() => {
  useConnectionStore().disconnect();
  vi.useRealTimers();
});

function connect() {
  const source = useSourceStore();
  connectToFakeBridge(bridge, { random: () => 0.5 });
  return source;
}

const T0 = Date.UTC(2030, 0, 1, 8, 0, 0);
const replayStatus = {
  type: 'source-status',
  name: 'replay',
  state: 'live',
  lastMessageAtMs: T0,
  lastMessageAgeMs: 0,
  reconnects: 0,
  rejected: [],
  replay: { simTimeMs: T0, startSimTimeMs: T0, endSimTimeMs: T0 + 3_600_000, speedFactor: 1, paused: true, ended: false },
};

describe('source store', () => {
  it('keeps the latest source status and ages it with the connection’s clock', () => {
    const source = connect();
    expect(source.summary).toBeNull();
    bridge.latest.deliver({ ...replayStatus, name: 'mqtt', state: 'stale', lastMessageAgeMs: 12_000, replay: undefined });
    expect(source.summary).toMatchObject({ name: 'mqtt', state: 'stale', ageS: 12 });
    vi.advanceTimersByTime(3000);
    // The connection's clock ticks on the bridge's second boundaries: 2 to 3 s have passed for it.
    expect(source.summary!.ageS).toBeGreaterThanOrEqual(14);
    expect(source.summary!.ageS).toBeLessThanOrEqual(15);
  });

  it('forgets the status when a new session is welcomed', () => {
    const source = connect();
    bridge.latest.deliver(replayStatus);
    bridge.latest.deliver(welcome({ role: 'operator' }));
    expect(source.status).toBeNull();
  });

  it('sends seek, speed and pause as commands', () => {
    const source = connect();
    // Never answered here; the disconnect after the test rejects them.
    const ignore = () => undefined;
    source.seek(T0 + 1800_000.4).catch(ignore);
    source.setSpeed(30).catch(ignore);
    source.setPaused(false).catch(ignore);
    const sent = bridge.latest.sent.filter((m) => m.type === 'seek-replay' || m.type === 'set-sim-clock');
    expect(sent).toEqual([
      { type: 'seek-replay', id: expect.any(String), simTimeMs: T0 + 1800_000 },
      { type: 'set-sim-clock', id: expect.any(String), speedFactor: 30 },
      { type: 'set-sim-clock', id: expect.any(String), paused: false },
    ]);
  });
});
