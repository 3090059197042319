import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CloseCode,
  MAX_CLIENT_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  checkCityMeta,
  decodeBuildings,
  decodeTrafficFrame,
} from '../protocol';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from './start-bridge';
import { type TestClient, nextNonHeartbeat, nextOfType, openTestClient } from './test-client.fixture';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { tinyCity } from '../city/tiny-city.fixture';

let bridge: RunningBridge;
const operatorToken = 'operator-secret';
const source = new ScriptedSource(['l1', 'l2']);

beforeAll(async () => {
  const tokens = new TokenRegistry();
  tokens.add(operatorToken, 'operator');
  bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port: 0,
    rendererDir: null,
    city: tinyCity(),
    tokens,
    source,
    heartbeatIntervalMs: 200,
    handshakeTimeoutMs: 300,
  });
});
afterAll(() => bridge.close());

async function greeted(token?: string): Promise<TestClient> {
  const client = await openTestClient(bridge.origin);
  client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, ...(token && { token }) });
  const welcome = await client.next();
  expect(welcome.type).toBe('welcome');
  return client;
}

describe('handshake', () => {
  it('welcomes a client with an operator token as operator, with the city version', async () => {
    const client = await openTestClient(bridge.origin);
    client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token: operatorToken, client: 'test/1' });
    const welcome = await client.next();
    expect(welcome).toMatchObject({ type: 'welcome', role: 'operator', protocol: PROTOCOL_VERSION, source: 'scripted' });
    if (welcome.type !== 'welcome') throw new Error('unreachable');
    expect(welcome.city.id).toBe('tiny');
    expect(welcome.city.version).toMatch(/^[0-9a-f]{12}$/);
    // The first heartbeat follows the welcome at once, with the client counted.
    expect(await client.next()).toMatchObject({ type: 'heartbeat', clients: expect.any(Number) });
    client.socket.close();
  });

  it('treats a client without a token as a viewer', async () => {
    const client = await openTestClient(bridge.origin);
    client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION });
    expect(await client.next()).toMatchObject({ type: 'welcome', role: 'viewer' });
    client.socket.close();
  });

  it('refuses an unknown token with 4401 and a reason', async () => {
    const client = await openTestClient(bridge.origin);
    client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token: 'guess' });
    expect(await client.closed).toEqual({ code: CloseCode.invalidToken, reason: 'unknown: token is not valid for this bridge' });
  });

  it('refuses another protocol version with 4406 naming both versions, even over its own subprotocol', async () => {
    const client = await openTestClient(bridge.origin, ['citybrain.v99']);
    expect(client.socket.protocol).toBe('citybrain.v99');
    client.sendJson({ type: 'hello', protocol: 99 });
    const { code, reason } = await client.closed;
    expect(code).toBe(CloseCode.protocolMismatch);
    expect(reason).toContain('protocol 99');
    expect(reason).toContain(`protocol ${PROTOCOL_VERSION}`);
  });

  it('closes with 4400 when the first message is not a hello', async () => {
    const client = await openTestClient(bridge.origin);
    client.sendJson({ type: 'ping', id: 'p1', clientTime: 1 });
    const { code, reason } = await client.closed;
    expect(code).toBe(CloseCode.badHandshake);
    expect(reason).toContain('expected hello first');
  });

  it('closes with 4400 naming the field when the hello is invalid', async () => {
    const client = await openTestClient(bridge.origin);
    client.sendJson({ type: 'hello', protocol: '1' });
    const { code, reason } = await client.closed;
    expect(code).toBe(CloseCode.badHandshake);
    expect(reason).toContain('hello.protocol');
  });

  it('closes with 4408 when no hello arrives in time', async () => {
    const client = await openTestClient(bridge.origin);
    expect((await client.closed).code).toBe(CloseCode.handshakeTimeout);
  });
});

describe('after the handshake', () => {
  it('answers a ping with a pong that echoes the id and client time', async () => {
    const client = await greeted();
    client.sendJson({ type: 'ping', id: 'rtt-1', clientTime: 1234 });
    expect(await nextNonHeartbeat(client)).toMatchObject({ type: 'pong', id: 'rtt-1', clientTime: 1234 });
    client.socket.close();
  });

  it('sends heartbeats with the number of ready clients', async () => {
    const client = await greeted();
    let message = await client.next();
    while (message.type !== 'heartbeat') message = await client.next();
    expect(message.clients).toBeGreaterThanOrEqual(1);
    client.socket.close();
  });

  it('replies to malformed, unknown, invalid and oversized messages with errors naming the problem, and keeps serving', async () => {
    const hostile = await greeted();
    const bystander = await greeted(operatorToken);

    hostile.socket.send('{not json');
    expect(await nextNonHeartbeat(hostile)).toMatchObject({ type: 'error', code: 'malformed' });

    hostile.sendJson({ type: 'launch-missiles', id: 'x1' });
    const unknown = await nextNonHeartbeat(hostile);
    expect(unknown).toMatchObject({ type: 'error', code: 'unknown-type', requestId: 'x1' });
    expect(unknown.type === 'error' && unknown.message).toContain('"launch-missiles"');

    hostile.sendJson({ type: 'ping', id: 'p2', clientTime: -5 });
    const invalid = await nextNonHeartbeat(hostile);
    expect(invalid).toMatchObject({ type: 'error', code: 'invalid', requestId: 'p2' });
    expect(invalid.type === 'error' && invalid.message).toContain('ping.clientTime');

    hostile.sendJson({ type: 'ping', id: 'p3', clientTime: 1, extra: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES) });
    const tooLarge = await nextNonHeartbeat(hostile);
    expect(tooLarge).toMatchObject({ type: 'error', code: 'too-large' });

    hostile.socket.send(Buffer.from([1, 2, 3]));
    expect(await nextNonHeartbeat(hostile)).toMatchObject({ type: 'error', code: 'malformed' });

    hostile.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION });
    expect(await nextNonHeartbeat(hostile)).toMatchObject({ type: 'error', code: 'already-greeted' });

    for (const client of [hostile, bystander]) {
      client.sendJson({ type: 'ping', id: 'still-there', clientTime: 1 });
      expect(await nextNonHeartbeat(client)).toMatchObject({ type: 'pong', id: 'still-there' });
    }
    hostile.socket.close();
    bystander.socket.close();
  });

  it('closes a socket that sends a frame above the hard cap with 1009, leaving others connected', async () => {
    const hostile = await greeted();
    const bystander = await greeted();
    hostile.socket.send(Buffer.alloc(2 * 1024 * 1024, 0x61));
    expect((await hostile.closed).code).toBe(1009);
    bystander.sendJson({ type: 'ping', id: 'ok', clientTime: 1 });
    expect(await nextNonHeartbeat(bystander)).toMatchObject({ type: 'pong', id: 'ok' });
    bystander.socket.close();
  });
});

describe('live traffic', () => {
  it('sends a client that connects mid-stream the current state at once, then new frames', async () => {
    source.emitArea(60_000, 1.4);
    source.emitTraffic(61_000, 33);
    const client = await greeted();
    expect(await nextOfType(client, 'sim-clock')).toMatchObject({ speedFactor: 1, paused: false });
    expect((await nextOfType(client, 'traffic-history')).points.at(-1)).toMatchObject({ travelTimeIndex: 1.4 });
    expect(await nextOfType(client, 'traffic-summary')).toMatchObject({ simTimeMs: 60_000, city: { travelTimeIndex: 1.4 } });
    const snapshot = decodeTrafficFrame(await client.nextBinary(), 2);
    expect(Array.from(snapshot.speedKmh)).toEqual([33, 33]);

    source.emitTraffic(62_000, 12);
    const next = decodeTrafficFrame(await client.nextBinary(), 2);
    expect(next.seq).toBe(snapshot.seq + 1);
    expect(next.simTimeMs).toBe(62_000);
    client.socket.close();
  });

  it('carries out an operator command once and replies ack', async () => {
    const client = await greeted(operatorToken);
    client.sendJson({ type: 'set-sim-clock', id: 'c1', speedFactor: 60 });
    expect(await nextNonHeartbeat(client)).toEqual({ type: 'ack', requestId: 'c1' });
    expect(source.requests.at(-1)).toEqual({ setClock: { speedFactor: 60, paused: undefined } });
    client.socket.close();
  });

  it('refuses a command from a viewer and leaves the source untouched', async () => {
    const requestsBefore = source.requests.length;
    const client = await greeted();
    client.sendJson({ type: 'set-sim-clock', id: 'c2', paused: true });
    const reply = await nextNonHeartbeat(client);
    expect(reply).toMatchObject({ type: 'error', code: 'forbidden', requestId: 'c2' });
    expect(reply.type === 'error' && reply.message).toContain('viewer');
    expect(source.requests).toHaveLength(requestsBefore);
    client.socket.close();
  });

  it('names an invalid sim speed and an unknown link id, changing nothing', async () => {
    const requestsBefore = source.requests.length;
    const client = await greeted(operatorToken);
    client.sendJson({ type: 'set-sim-clock', id: 'c3', speedFactor: 100 });
    const badSpeed = await nextNonHeartbeat(client);
    expect(badSpeed).toMatchObject({ type: 'error', code: 'invalid', requestId: 'c3' });
    expect(badSpeed.type === 'error' && badSpeed.message).toBe('set-sim-clock.speedFactor: must be ≤ 60, got 100');

    client.sendJson({ type: 'create-incident', id: 'c4', linkId: 'nowhere', capacityFactor: 0.2, durationS: 600 });
    expect(await nextNonHeartbeat(client)).toEqual({
      type: 'error',
      code: 'not-found',
      message: 'unknown link id "nowhere"',
      requestId: 'c4',
    });
    expect(source.requests).toHaveLength(requestsBefore);
    client.socket.close();
  });
});

describe('HTTP', () => {
  it('serves the city metadata gzipped with an ETag, and answers 304 when it is unchanged', async () => {
    const response = await fetch(`${bridge.origin}/city/meta.json`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{12}"$/);
    const meta = checkCityMeta(await response.json());
    expect(meta.id).toBe('tiny');
    const again = await fetch(`${bridge.origin}/city/meta.json`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('serves buildings.bin that decodes back to the city buildings', async () => {
    // fetch undoes the gzip transfer encoding itself.
    const response = await fetch(`${bridge.origin}/city/buildings.bin`);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const buildings = decodeBuildings(await response.arrayBuffer(), 1);
    expect(Array.from(buildings.heightM)).toEqual([45]);
  });

  it('reports health with client counts', async () => {
    const body = (await (await fetch(`${bridge.origin}/api/health`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', protocol: PROTOCOL_VERSION, city: { id: 'tiny' } });
  });

  it('answers 405 to a POST and 404 to an unknown city file', async () => {
    expect((await fetch(`${bridge.origin}/city/meta.json`, { method: 'POST' })).status).toBe(405);
    const missing = await fetch(`${bridge.origin}/city/nothing.bin`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no such resource: /city/nothing.bin' });
  });
});
