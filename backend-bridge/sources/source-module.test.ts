import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { ScriptedSource } from './scripted-source.fixture';
import { type TestClient, nextNonHeartbeat, nextOfType, openTestClient } from '../app/test-client.fixture';
import { tinyCity } from '../city/tiny-city.fixture';
import { SourceStatusTracker } from './source-module';

describe('SourceStatusTracker', () => {
  let nowMs = 1_000_000;
  const tracker = () => new SourceStatusTracker(new ScriptedSource([]), 10_000, () => nowMs);

  it('calls a source that reports no health stale until its first event, live while events arrive, stale after a quiet spell', () => {
    const status = tracker();
    expect(status.status()).toEqual({ type: 'source-status', name: 'scripted', state: 'stale', reconnects: 0, rejected: [] });
    status.sawEvent();
    nowMs += 4000;
    expect(status.status()).toMatchObject({ state: 'live', lastMessageAtMs: nowMs - 4000, lastMessageAgeMs: 4000 });
    nowMs += 7000;
    expect(status.status()).toMatchObject({ state: 'stale', lastMessageAgeMs: 11_000 });
  });

  it('keeps a paused source live however long it is quiet', () => {
    const status = tracker();
    status.sawClock(true);
    nowMs += 60_000;
    expect(status.status().state).toBe('live');
  });

  it('passes on what a source reports about its upstream', () => {
    const status = tracker();
    status.sawEvent();
    const rejected = [{ channel: 'citybrain/x/detectors/+', count: 3, lastReason: 'speedKmh: expected a finite number' }];
    status.sawHealth({ state: 'down', lastMessageAtMs: nowMs - 30_000, reconnects: 2, rejected });
    expect(status.status()).toEqual({
      type: 'source-status',
      name: 'scripted',
      state: 'down',
      lastMessageAtMs: nowMs - 30_000,
      lastMessageAgeMs: 30_000,
      reconnects: 2,
      rejected,
    });
  });

  it('sees a change in state, but not in the age of the last message alone', () => {
    const status = tracker();
    status.sawEvent();
    const first = status.changeKey(status.status());
    nowMs += 1000;
    status.sawEvent();
    expect(status.changeKey(status.status())).toBe(first);
    status.sawHealth({ state: 'stale', lastMessageAtMs: nowMs, reconnects: 0, rejected: [] });
    expect(status.changeKey(status.status())).not.toBe(first);
  });
});

describe('the source status on the wire', () => {
  const operatorToken = 'operator-secret';
  const source = new ScriptedSource(['l1', 'l2']);
  let bridge: RunningBridge;
  let client: TestClient;

  beforeAll(async () => {
    const tokens = new TokenRegistry();
    tokens.add(operatorToken, 'operator');
    bridge = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city: tinyCity(), tokens, source, heartbeatIntervalMs: 60_000 });
    client = await openTestClient(bridge.origin);
    client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token: operatorToken });
  });
  afterAll(() => bridge.close());

  it('is sent on connect', async () => {
    expect(await nextOfType(client, 'source-status')).toMatchObject({ name: 'scripted', state: 'live', reconnects: 0, rejected: [] });
  });

  it('is pushed when the source reports a change of health', async () => {
    source.sink!.health!({ state: 'down', lastMessageAtMs: Date.now() - 5000, reconnects: 1, rejected: [] });
    expect(await nextOfType(client, 'source-status')).toMatchObject({ state: 'down', reconnects: 1 });
  });

  it('refuses seek-replay when the source is not a replay', async () => {
    client.sendJson({ type: 'seek-replay', id: 's1', simTimeMs: 0 });
    let reply = await nextNonHeartbeat(client);
    while (reply.type === 'source-status') reply = await nextNonHeartbeat(client);
    expect(reply).toEqual({ type: 'error', code: 'rejected', requestId: 's1', message: 'the source is scripted, not a replay; only a replay can seek' });
  });
});
