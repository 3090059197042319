import { CloseCode } from '@protocol';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeClientOptions } from './bridge-client';
import { useConnectionStore } from './connection-store';
import { FakeBridge, welcome } from './fake-bridge';

let bridge: FakeBridge;

function connectedStore(options: Partial<BridgeClientOptions> = {}) {
  const store = useConnectionStore();
  store.connect({
    url: 'ws://bridge.test/ws',
    clientName: 'console/test',
    openSocket: bridge.openSocket,
    random: () => 0.999_999,
    logger: { warn: () => {}, error: () => {} },
    ...options,
  });
  return store;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T08:00:00.000Z') });
  setActivePinia(createPinia());
  bridge = new FakeBridge();
});

afterEach(() => {
  useConnectionStore().disconnect();
  vi.useRealTimers();
});

describe('useConnectionStore', () => {
  it('starts offline with nothing known', () => {
    const store = useConnectionStore();
    expect(store.state).toBe('offline');
    expect(store.role).toBeNull();
    expect(store.bridgeNowMs).toBeNull();
    expect(store.ageOfLastMessageMs).toBeNull();
  });

  it('exposes the welcome: role, city and source', () => {
    const store = connectedStore();
    expect(store.state).toBe('connecting');
    bridge.latest.open();
    bridge.latest.deliver(welcome({ role: 'admin', source: 'replay', serverTime: 1_900_000_000_000 }));
    expect(store.state).toBe('live');
    expect(store.role).toBe('admin');
    expect(store.city).toEqual({ id: 'demo', name: { zh: '演示城', en: 'Demo City' }, version: 'v1' });
    expect(store.source).toBe('replay');
    expect(store.welcomedAt).toBe(1_900_000_000_000);
  });

  it('counts the age of the last message up, second by second', () => {
    const store = connectedStore();
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(store.ageOfLastMessageMs).toBe(0);
    vi.advanceTimersByTime(3000);
    expect(store.ageOfLastMessageMs).toBe(3000);
    expect(store.state).toBe('stale');
  });

  it('runs the bridge clock from the offset learnt at welcome', () => {
    const store = connectedStore();
    bridge.latest.open();
    bridge.latest.deliver(welcome({ serverTime: Date.now() + 60_000 }));
    vi.advanceTimersByTime(2000);
    expect(store.bridgeNowMs).toBe(Date.now() + 60_000);
  });

  it('ticks just after each whole second of the bridge clock', () => {
    const store = connectedStore();
    bridge.latest.open();
    bridge.latest.deliver(welcome({ serverTime: Date.now() + 250 }));
    for (let tick = 0; tick < 3; tick++) {
      vi.advanceTimersByTime(1000);
      expect((store.bridgeNowMs ?? 0) % 1000).toBe(0);
    }
  });

  it('counts down to the next reconnect attempt, second by second', () => {
    const store = connectedStore({ backoff: { baseMs: 10_000, factor: 2, maxMs: 30_000 } });
    bridge.latest.serverClose(1006);
    expect(store.state).toBe('reconnecting');
    expect(store.attempt).toBe(1);
    expect(store.retryInMs).toBe(9999);
    vi.advanceTimersByTime(3000);
    expect(store.retryInMs).toBe(6999);
  });

  it('keeps the refusal reason and code from the bridge', () => {
    const store = connectedStore();
    bridge.latest.serverClose(CloseCode.invalidToken, 'token expired');
    expect(store.state).toBe('refused');
    expect(store.refusedCode).toBe(4401);
    expect(store.refusedReason).toBe('token expired');
  });

  it('reports the client count and round-trip time', () => {
    const store = connectedStore();
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    const ping = bridge.latest.lastPing();
    vi.advanceTimersByTime(12);
    bridge.latest.deliver({ type: 'pong', id: ping.id, clientTime: ping.clientTime, serverTime: Date.now() });
    bridge.latest.deliver({ type: 'heartbeat', serverTime: 1_900_000_000_000, clients: 2 });
    expect(store.rttMs).toBe(12);
    expect(store.clients).toBe(2);
    expect(store.clientsAt).toBe(1_900_000_000_000);
  });

  it('tells welcome listeners about the current welcome and every later one', () => {
    const store = connectedStore();
    bridge.latest.open();
    bridge.latest.deliver(welcome({ city: { id: 'demo', name: { zh: '甲', en: 'A' }, version: 'v1' } }));
    const versions: string[] = [];
    store.onWelcome((message) => versions.push(message.city.version));
    expect(versions).toEqual(['v1']);

    bridge.latest.deliver({ type: 'heartbeat', serverTime: Date.now(), clients: 1 });
    bridge.latest.serverClose(1006);
    vi.advanceTimersByTime(500);
    bridge.latest.open();
    bridge.latest.deliver(welcome({ city: { id: 'demo', name: { zh: '甲', en: 'A' }, version: 'v2' } }));
    expect(versions).toEqual(['v1', 'v2']);
  });

  it('stops calling a welcome listener once it is removed', () => {
    const store = connectedStore();
    const listener = vi.fn();
    store.onWelcome(listener)();
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(listener).not.toHaveBeenCalled();
  });

  it('shows a refusal found on this side without connecting', () => {
    const store = connectedStore();
    store.refuse('URL token: given 2 times; give it once');
    expect(store.state).toBe('refused');
    expect(store.refusedReason).toBe('URL token: given 2 times; give it once');
    expect(store.refusedCode).toBeNull();
    expect(bridge.latest.closedWith).not.toBeNull();
  });

  it('keeps push subscriptions across reconnects and across a new connect()', () => {
    const store = connectedStore();
    const drops: number[] = [];
    store.onMessage('stream-status', (message) => drops.push(message.droppedTrafficFrames));
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    bridge.latest.deliver({ type: 'stream-status', droppedTrafficFrames: 1 });

    bridge.latest.serverClose(1006);
    vi.advanceTimersByTime(500);
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    bridge.latest.deliver({ type: 'stream-status', droppedTrafficFrames: 2 });

    connectedStore();
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    bridge.latest.deliver({ type: 'stream-status', droppedTrafficFrames: 3 });
    expect(drops).toEqual([1, 2, 3]);
  });

  it('hands a late subscriber the latest state push at once, but nothing from a bridge it left', () => {
    const store = connectedStore();
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    const clock = { type: 'sim-clock', simTimeMs: 1_900_000_000_000, speedFactor: 10, achievedSpeedFactor: 10, paused: false };
    bridge.latest.deliver({ ...clock, speedFactor: 1, achievedSpeedFactor: 1 });
    bridge.latest.deliver(clock);
    bridge.latest.deliver({ type: 'traffic-summary', simTimeMs: 1, city: { avgSpeedKmh: 40, travelTimeIndex: 1.2, vehicles: 9 }, districts: [] });

    const clocks: unknown[] = [];
    const summaries: unknown[] = [];
    store.onMessage('sim-clock', (message) => clocks.push(message));
    store.onMessage('traffic-summary', (message) => summaries.push(message));
    expect(clocks).toEqual([clock]);
    // A summary is one moment, not the whole state: it is not kept.
    expect(summaries).toEqual([]);

    connectedStore();
    const later: unknown[] = [];
    store.onMessage('sim-clock', (message) => later.push(message));
    expect(later).toEqual([]);
  });

  it('sends commands through the current client and settles them with the reply', async () => {
    const store = connectedStore();
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    const reply = store.sendCommand({ type: 'set-sim-clock', paused: true });
    const command = bridge.latest.sent.at(-1)!;
    expect(command).toMatchObject({ type: 'set-sim-clock', paused: true });
    bridge.latest.deliver({ type: 'ack', requestId: command.id as string });
    await expect(reply).resolves.toBeUndefined();
  });

  it('puts what the resume provider says into the hello of every socket, across connect()', () => {
    const store = useConnectionStore();
    store.setResumeProvider(() => ({ alerts: 7, alertStream: 'stream-1' }));
    connectedStore();
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ type: 'hello', resume: { alerts: 7, alertStream: 'stream-1' } });
    connectedStore();
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ resume: { alerts: 7 } });
  });

  it('rejects a command when it has never connected', async () => {
    await expect(useConnectionStore().sendCommand({ type: 'set-sim-clock', paused: true })).rejects.toMatchObject({
      code: 'not-connected',
    });
  });

  it('goes offline on disconnect and stops ticking', () => {
    const store = connectedStore();
    store.disconnect();
    expect(store.state).toBe('offline');
    const frozenNowMs = store.nowMs;
    vi.advanceTimersByTime(5000);
    expect(store.nowMs).toBe(frozenNowMs);
  });
});
