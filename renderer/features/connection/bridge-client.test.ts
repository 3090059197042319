import { CloseCode, PROTOCOL_VERSION, SUBPROTOCOL } from '@protocol';
import { encodeTrafficFrame } from '@protocol/traffic';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeClient, type BridgeClientOptions } from './bridge-client';
import { FakeBridge, welcome } from './fake-bridge';
import { CommandError } from './pending-commands';

const URL = 'ws://bridge.test/ws';
/** Heartbeat interval used by the fake welcome, in ms. */
const HEARTBEAT_MS = 1000;

let bridge: FakeBridge;
type LogMock = ReturnType<typeof vi.fn<(...data: unknown[]) => void>>;
let logger: { warn: LogMock; error: LogMock };

function startClient(options: Partial<BridgeClientOptions> = {}): BridgeClient {
  const client = new BridgeClient({
    url: URL,
    clientName: 'console/test',
    openSocket: bridge.openSocket,
    // Always wait the full backoff cap, so delays are predictable.
    random: () => 0.999_999,
    logger,
    ...options,
  });
  client.start();
  return client;
}

/** Starts a client and completes the handshake. */
function liveClient(options: Partial<BridgeClientOptions> = {}): BridgeClient {
  const client = startClient(options);
  bridge.latest.open();
  bridge.latest.deliver(welcome({ heartbeatIntervalMs: HEARTBEAT_MS }));
  return client;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T08:00:00Z') });
  bridge = new FakeBridge();
  logger = { warn: vi.fn(), error: vi.fn() };
});

afterEach(() => {
  vi.useRealTimers();
});

describe('BridgeClient handshake', () => {
  it('opens the socket with the protocol subprotocol and says hello with the token once open', () => {
    const client = startClient({ token: 'secret' });
    expect(client.current.state).toBe('connecting');
    expect(bridge.latest.url).toBe(URL);
    expect(bridge.latest.protocol).toBe(SUBPROTOCOL);
    expect(bridge.latest.sent).toEqual([]);

    bridge.latest.open();
    expect(bridge.latest.sent).toEqual([
      { type: 'hello', protocol: PROTOCOL_VERSION, client: 'console/test', token: 'secret' },
    ]);
  });

  it('asks where to resume as each socket opens, and says so in that hello', () => {
    let lastAlert: number | undefined;
    startClient({ resume: () => (lastAlert === undefined ? undefined : { alerts: lastAlert, alertStream: 'stream-1' }) });
    bridge.latest.open();
    expect(bridge.latest.sent[0]).not.toHaveProperty('resume');

    lastAlert = 41;
    bridge.latest.serverClose(1006);
    vi.advanceTimersByTime(500);
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ type: 'hello', resume: { alerts: 41, alertStream: 'stream-1' } });
  });

  it('leaves the token out of the hello when there is none', () => {
    startClient();
    bridge.latest.open();
    expect(bridge.latest.sent[0]).not.toHaveProperty('token');
  });

  it('goes live on welcome, keeping the role, city and clock offset', () => {
    const client = startClient();
    bridge.latest.open();
    bridge.latest.deliver(welcome({ role: 'viewer', serverTime: Date.now() + 5000 }));

    const status = client.current;
    expect(status.state).toBe('live');
    expect(status.welcome?.role).toBe('viewer');
    expect(status.welcome?.city.name.en).toBe('Demo City');
    expect(status.serverTimeOffsetMs).toBe(5000);
    expect(status.lastMessageAt).toBe(Date.now());
  });

  it('publishes a new frozen snapshot for every change', () => {
    const client = startClient();
    const seen: unknown[] = [];
    client.subscribe((status) => seen.push(status));
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(client.current);
    expect(Object.isFrozen(client.current)).toBe(true);
  });
});

describe('BridgeClient round-trip time', () => {
  it('pings on welcome and on every heartbeat', () => {
    liveClient();
    const socket = bridge.latest;
    socket.deliver({ type: 'heartbeat', serverTime: Date.now(), clients: 3 });
    const pings = socket.sent.filter((message) => message.type === 'ping');
    expect(pings).toHaveLength(2);
    expect(pings[1]).toEqual({ type: 'ping', id: expect.any(String), clientTime: Date.now() });
    expect(pings[0]?.id).not.toBe(pings[1]?.id);
  });

  it('measures the round trip from the matching pong and refines the clock offset', () => {
    const client = liveClient();
    const socket = bridge.latest;
    const ping = socket.lastPing();
    vi.advanceTimersByTime(40);
    // The bridge stamped the pong halfway through the trip, 7 s ahead of the client.
    socket.deliver({ type: 'pong', id: ping.id, clientTime: ping.clientTime, serverTime: ping.clientTime + 20 + 7000 });
    expect(client.current.rttMs).toBe(40);
    expect(client.current.serverTimeOffsetMs).toBe(7000);
  });

  it('ignores a pong that answers an older ping', () => {
    const client = liveClient();
    const socket = bridge.latest;
    const oldPing = socket.lastPing();
    socket.deliver({ type: 'heartbeat', serverTime: Date.now(), clients: 1 });
    socket.deliver({ type: 'pong', id: oldPing.id, clientTime: oldPing.clientTime, serverTime: Date.now() });
    expect(client.current.rttMs).toBeNull();
  });

  it('keeps the client count and its bridge time from heartbeats', () => {
    const client = liveClient();
    bridge.latest.deliver({ type: 'heartbeat', serverTime: 1_900_000_000_000, clients: 4 });
    expect(client.current.clients).toBe(4);
    expect(client.current.clientsAt).toBe(1_900_000_000_000);
  });
});

describe('BridgeClient validation', () => {
  it('counts and logs invalid frames without leaving the live state', () => {
    const client = liveClient();
    const socket = bridge.latest;
    socket.deliver('{not json');
    socket.deliver({ type: 'surprise' });
    socket.deliver({ type: 'heartbeat', serverTime: -1, clients: 1 });
    socket.deliver(new ArrayBuffer(8));

    expect(client.current.invalidMessages).toBe(4);
    expect(client.current.state).toBe('live');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('heartbeat.serverTime: must be ≥ 0'));
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('binary frame'));
  });

  it('rejects a binary bundle of a kind it does not know', () => {
    const client = liveClient();
    const unknownKind = encodeTrafficFrame(trafficFrame());
    new Float64Array(unknownKind, 8 + 5 * 24, 1)[0] = 99;
    const binary = vi.fn();
    client.onBinary(binary);
    bridge.latest.deliver(unknownKind);
    expect(binary).not.toHaveBeenCalled();
    expect(client.current.invalidMessages).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('unknown kind 99'));
  });

  it('logs error replies from the bridge', () => {
    liveClient();
    bridge.latest.deliver({ type: 'error', code: 'invalid', message: 'ping.id: is required' });
    expect(logger.warn).toHaveBeenCalledWith('bridge reported invalid: ping.id: is required');
  });

  it('keeps notifying other listeners when one of them throws', () => {
    const client = startClient();
    const healthy = vi.fn();
    client.subscribe(() => {
      throw new Error('broken listener');
    });
    client.subscribe(healthy);
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(healthy).toHaveBeenCalled();
    expect(client.current.state).toBe('live');
    expect(logger.error).toHaveBeenCalled();
  });

  it('rejects option values that cannot work', () => {
    expect(() => startClient({ staleAfterHeartbeats: 0 })).toThrow('staleAfterHeartbeats: expected a positive number, got 0');
    expect(() => startClient({ backoff: { baseMs: 500, factor: 2, maxMs: 1 } })).toThrow(/maxMs/);
  });
});

describe('BridgeClient liveness', () => {
  it('goes stale after 2.5 heartbeat intervals of silence and live again on the next frame', () => {
    const client = liveClient();
    vi.advanceTimersByTime(2.5 * HEARTBEAT_MS - 1);
    expect(client.current.state).toBe('live');
    vi.advanceTimersByTime(1);
    expect(client.current.state).toBe('stale');

    bridge.latest.deliver({ type: 'heartbeat', serverTime: Date.now(), clients: 1 });
    expect(client.current.state).toBe('live');
  });

  it('stays live while heartbeats keep arriving', () => {
    const client = liveClient();
    for (let beat = 0; beat < 20; beat++) {
      vi.advanceTimersByTime(HEARTBEAT_MS);
      bridge.latest.deliver({ type: 'heartbeat', serverTime: Date.now(), clients: 1 });
    }
    expect(client.current.state).toBe('live');
    expect(bridge.sockets).toHaveLength(1);
  });

  it('drops a stale socket after the grace period and reconnects', () => {
    const client = liveClient({ staleGraceMs: 5000 });
    const first = bridge.latest;
    vi.advanceTimersByTime(2.5 * HEARTBEAT_MS + 5000);
    expect(first.closedWith).toEqual({ code: 1000, reason: expect.stringContaining('silent') });
    expect(client.current.state).toBe('reconnecting');
    expect(client.current.attempt).toBe(1);

    vi.advanceTimersByTime(500);
    expect(bridge.sockets).toHaveLength(2);
    expect(client.current.state).toBe('connecting');
  });

  it('gives up on a socket that opens but is never welcomed', () => {
    const client = startClient({ welcomeTimeoutMs: 3000 });
    bridge.latest.open();
    vi.advanceTimersByTime(3000);
    expect(bridge.latest.closedWith?.reason).toBe('no welcome in time');
    expect(client.current.state).toBe('reconnecting');
  });
});

describe('BridgeClient reconnects', () => {
  it('retries with an exponentially growing delay and counts the attempts', () => {
    const client = startClient();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      bridge.latest.serverClose(1006);
      expect(client.current).toMatchObject({ state: 'reconnecting', attempt });
      delays.push(client.current.nextRetryAt! - Date.now());
      vi.advanceTimersByTime(delays.at(-1)!);
      expect(client.current.state).toBe('connecting');
    }
    expect(delays).toEqual([499, 999, 1999, 3999]);
    expect(bridge.sockets).toHaveLength(5);
  });

  it('starts counting attempts afresh once welcomed again', () => {
    const client = startClient();
    bridge.latest.serverClose(1006);
    vi.advanceTimersByTime(500);
    bridge.latest.serverClose(1006);
    expect(client.current.attempt).toBe(2);
    vi.advanceTimersByTime(1000);
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(client.current.attempt).toBe(0);

    bridge.latest.serverClose(CloseCode.goingAway);
    expect(client.current).toMatchObject({ state: 'reconnecting', attempt: 1 });
  });

  it('keeps the last welcome and clock offset on screen while reconnecting, but not the round trip', () => {
    const client = liveClient();
    const ping = bridge.latest.lastPing();
    bridge.latest.deliver({ type: 'pong', id: ping.id, clientTime: ping.clientTime, serverTime: Date.now() });
    bridge.latest.serverClose(1006);
    vi.advanceTimersByTime(500);
    expect(client.current.welcome?.city.id).toBe('demo');
    expect(client.current.serverTimeOffsetMs).not.toBeNull();
    expect(client.current.rttMs).toBeNull();
  });

  it('retries after a handshake timeout, which a slow start can cause', () => {
    const client = startClient();
    bridge.latest.serverClose(CloseCode.handshakeTimeout, 'no hello within 5000 ms');
    expect(client.current.state).toBe('reconnecting');
  });

  it('is back within 5 s of a bridge that restarted after a long outage, resuming its streams in a new session', () => {
    let resumeAt = 7;
    const client = liveClient({ resume: () => ({ alerts: resumeAt, alertStream: 'stream-a' }) });
    // The bridge is killed: the socket drops, and every try fails for a minute.
    bridge.latest.serverClose(1006);
    const outageEndsAt = Date.now() + 60_000;
    while (client.current.nextRetryAt! < outageEndsAt) {
      vi.advanceTimersByTime(client.current.nextRetryAt! - Date.now());
      bridge.latest.serverClose(1006);
    }

    // It is back: the next try lands within 5 s, resumes where the alerts were, and adopts the new session.
    resumeAt = 9;
    expect(client.current.nextRetryAt! - outageEndsAt).toBeLessThan(5000);
    vi.advanceTimersByTime(client.current.nextRetryAt! - Date.now());
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ type: 'hello', resume: { alerts: 9, alertStream: 'stream-a' } });
    bridge.latest.deliver(welcome({ sessionId: 'session-2', heartbeatIntervalMs: HEARTBEAT_MS }));
    expect(client.current).toMatchObject({ state: 'live', attempt: 0, welcome: { sessionId: 'session-2' } });
  });

  it('ignores late events from a socket it already gave up on', () => {
    const client = liveClient();
    const abandoned = bridge.latest;
    vi.advanceTimersByTime(2.5 * HEARTBEAT_MS + 10_000);
    expect(client.current.attempt).toBe(1);

    abandoned.serverClose(1006);
    abandoned.deliver(welcome());
    expect(client.current).toMatchObject({ state: 'reconnecting', attempt: 1 });
  });
});

describe('BridgeClient refusals', () => {
  it.each([
    [CloseCode.invalidToken, 'token expired'],
    [CloseCode.protocolMismatch, 'bridge speaks protocol 2'],
    [CloseCode.badHandshake, 'hello.client: must be at most 64 characters'],
  ])('stops for good on close code %i and keeps the reason', (code, reason) => {
    const client = startClient();
    bridge.latest.open();
    bridge.latest.serverClose(code, reason);
    expect(client.current).toMatchObject({ state: 'refused', refusedCode: code, refusedReason: reason });

    vi.advanceTimersByTime(10 * 60_000);
    expect(bridge.sockets).toHaveLength(1);
  });

  it('names the close code when the bridge gave no reason', () => {
    const client = startClient();
    bridge.latest.serverClose(CloseCode.invalidToken);
    expect(client.current.refusedReason).toBe('the bridge closed the connection with code 4401');
  });

  it('refuses without retrying when the socket cannot even be created', () => {
    const client = startClient({
      openSocket: () => {
        throw new SyntaxError('bad URL');
      },
    });
    expect(client.current.state).toBe('refused');
    expect(client.current.refusedReason).toContain('bad URL');
  });

  it('connects again on start() after a refusal', () => {
    const client = startClient();
    bridge.latest.serverClose(CloseCode.invalidToken, 'token expired');
    client.start();
    expect(client.current).toMatchObject({ state: 'connecting', refusedReason: null, refusedCode: null });
    expect(bridge.sockets).toHaveLength(2);
  });
});

describe('BridgeClient stop', () => {
  it('closes the socket, stops retrying and reports offline', () => {
    const client = liveClient();
    const socket = bridge.latest;
    client.stop();
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'client stopped' });
    expect(client.current.state).toBe('offline');

    vi.advanceTimersByTime(10 * 60_000);
    expect(bridge.sockets).toHaveLength(1);
    expect(client.current.state).toBe('offline');
  });

  it('cancels a pending retry', () => {
    const client = startClient();
    bridge.latest.serverClose(1006);
    client.stop();
    vi.advanceTimersByTime(60_000);
    expect(bridge.sockets).toHaveLength(1);
  });

  it('ignores start() while already running', () => {
    const client = startClient();
    client.start();
    expect(bridge.sockets).toHaveLength(1);
  });
});

/** A two-link traffic frame. */
function trafficFrame() {
  return {
    seq: 7,
    simTimeMs: 1_900_000_000_000,
    speedFactor: 10,
    speedKmh: new Uint8Array([40, 12]),
    densityVehPerKmLane: new Uint8Array([10, 90]),
    flowVehPerH: new Uint16Array([800, 200]),
    level: new Uint8Array([0, 4]),
  };
}

describe('BridgeClient pushes', () => {
  it('hands each valid message to the handlers of its type only', () => {
    const client = liveClient();
    const clock = vi.fn();
    const status = vi.fn();
    client.onMessage('sim-clock', clock);
    client.onMessage('stream-status', status);
    const push = { type: 'sim-clock', simTimeMs: 1_900_000_000_000, speedFactor: 10, achievedSpeedFactor: 9.5, paused: false };
    bridge.latest.deliver(push);
    expect(clock).toHaveBeenCalledWith(push);
    expect(status).not.toHaveBeenCalled();
  });

  it('does not hand on messages that fail validation', () => {
    const client = liveClient();
    const status = vi.fn();
    client.onMessage('stream-status', status);
    bridge.latest.deliver({ type: 'stream-status', droppedTrafficFrames: -1 });
    expect(status).not.toHaveBeenCalled();
    expect(client.current.invalidMessages).toBe(1);
  });

  it('hands binary traffic frames over as the received buffer, uncopied', () => {
    const client = liveClient();
    const frames: ArrayBuffer[] = [];
    client.onBinary((frame) => frames.push(frame));
    const buffer = encodeTrafficFrame(trafficFrame());
    bridge.latest.deliver(buffer);
    expect(frames).toEqual([buffer]);
    expect(frames[0]).toBe(buffer);
  });

  it('stops calling a handler once it is removed', () => {
    const client = liveClient();
    const handler = vi.fn();
    client.onMessage('stream-status', handler)();
    bridge.latest.deliver({ type: 'stream-status', droppedTrafficFrames: 3 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps handing on frames when one handler throws', () => {
    const client = liveClient();
    const healthy = vi.fn();
    client.onBinary(() => {
      throw new Error('broken handler');
    });
    client.onBinary(healthy);
    bridge.latest.deliver(encodeTrafficFrame(trafficFrame()));
    expect(healthy).toHaveBeenCalledOnce();
    expect(logger.error).toHaveBeenCalledWith('a binary frame handler failed', expect.any(Error));
  });

  it('publishes the time of frames that change nothing else at most once a second, yet stays live on them', () => {
    const client = liveClient();
    const seen: unknown[] = [];
    client.subscribe((status) => seen.push(status));
    for (let frame = 0; frame < 12; frame++) {
      vi.advanceTimersByTime(250);
      bridge.latest.deliver(encodeTrafficFrame(trafficFrame()));
    }
    expect(seen).toHaveLength(3);
    expect(client.current.lastMessageAt).toBe(Date.now());
    // Only traffic for longer than the stale limit: still live.
    expect(client.current.state).toBe('live');
  });
});

describe('BridgeClient commands', () => {
  const setSpeed = { type: 'set-sim-clock', speedFactor: 10 } as const;

  it('sends a command with a fresh request id and resolves on its ack', async () => {
    const client = liveClient();
    const first = client.sendCommand(setSpeed);
    const second = client.sendCommand({ type: 'set-sim-clock', paused: true });
    const sent = bridge.latest.sent.filter((message) => message.type === 'set-sim-clock');
    expect(sent).toEqual([
      { type: 'set-sim-clock', speedFactor: 10, id: expect.any(String) },
      { type: 'set-sim-clock', paused: true, id: expect.any(String) },
    ]);
    expect(sent[0]?.id).not.toBe(sent[1]?.id);

    bridge.latest.deliver({ type: 'ack', requestId: sent[1]!.id as string });
    await expect(second).resolves.toBeUndefined();
    bridge.latest.deliver({ type: 'ack', requestId: sent[0]!.id as string });
    await expect(first).resolves.toBeUndefined();
  });

  it("rejects with the bridge's code and message on the matching error, without logging it", async () => {
    const client = liveClient();
    const reply = client.sendCommand(setSpeed);
    const { id } = bridge.latest.sent.at(-1)!;
    bridge.latest.deliver({ type: 'error', code: 'forbidden', message: 'viewers may not change the sim clock', requestId: id as string });
    await expect(reply).rejects.toEqual(new CommandError('forbidden', 'viewers may not change the sim clock'));
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still logs errors that answer no command', () => {
    liveClient();
    bridge.latest.deliver({ type: 'error', code: 'invalid', message: 'late', requestId: 'cmd-404' });
    expect(logger.warn).toHaveBeenCalledWith('bridge reported invalid: late');
  });

  it('rejects after 10 s without a reply and ignores the ack that comes later', async () => {
    const client = liveClient();
    const reply = client.sendCommand(setSpeed);
    const outcome = reply.catch((error: unknown) => error);
    vi.advanceTimersByTime(9_999);
    bridge.latest.deliver({ type: 'heartbeat', serverTime: Date.now(), clients: 1 });
    vi.advanceTimersByTime(1);
    expect(await outcome).toMatchObject({ code: 'timeout' });

    bridge.latest.deliver({ type: 'ack', requestId: bridge.latest.sent.at(-2)!.id as string });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('not in flight'));
  });

  it('rejects the commands in flight when the connection drops', async () => {
    const client = liveClient();
    const reply = client.sendCommand(setSpeed).catch((error: unknown) => error);
    bridge.latest.serverClose(1006);
    expect(await reply).toMatchObject({ code: 'disconnected' });
  });

  it('rejects the commands in flight when the client stops', async () => {
    const client = liveClient();
    const reply = client.sendCommand(setSpeed).catch((error: unknown) => error);
    client.stop();
    expect(await reply).toMatchObject({ code: 'disconnected', message: expect.stringContaining('client stopped') });
  });

  it('refuses to send before the bridge has welcomed it', async () => {
    const client = startClient();
    bridge.latest.open();
    await expect(client.sendCommand(setSpeed)).rejects.toMatchObject({ code: 'not-connected' });
    expect(bridge.latest.sent.map((message) => message.type)).toEqual(['hello']);
  });
});
