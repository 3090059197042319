import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, MAX_CLIENT_MESSAGE_BYTES, PROTOCOL_VERSION, checkCityMeta, decodeBuildings } from '../protocol';
import { TokenRegistry } from './auth';
import { BRIDGE_DEFAULTS } from './bridge-options';
import { type RunningBridge, startBridge } from './bridge-server';
import { type TestClient, nextNonHeartbeat, openTestClient } from './test-client.fixture';
import { tinyCity } from './tiny-city.fixture';

let bridge: RunningBridge;
const operatorToken = 'operator-secret';

beforeAll(async () => {
  const tokens = new TokenRegistry();
  tokens.add(operatorToken, 'operator');
  bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port: 0,
    rendererDir: null,
    city: tinyCity(),
    tokens,
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
    expect(welcome).toMatchObject({ type: 'welcome', role: 'operator', protocol: PROTOCOL_VERSION, source: 'simulator' });
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
    expect(await client.closed).toEqual({ code: CloseCode.invalidToken, reason: 'token is not valid for this bridge' });
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
