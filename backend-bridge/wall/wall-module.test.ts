import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol';
import { DEFAULT_WALL_LAYOUT } from '../protocol/wall-layout';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS, type BridgeOptions } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { type TestClient, nextNonHeartbeat, nextOfType, openTestClient } from '../app/test-client.fixture';
import { tinyCity } from '../city/tiny-city.fixture';

const OPERATOR = 'operator-secret';
const source = new ScriptedSource(['l1', 'l2']);
let bridge: RunningBridge;

const options = (extra: Partial<BridgeOptions> = {}): BridgeOptions => {
  const tokens = new TokenRegistry();
  tokens.add(OPERATOR, 'operator');
  return { ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city: tinyCity(), tokens, source, ...extra };
};

beforeAll(async () => {
  bridge = await startBridge(options());
});
afterAll(() => bridge.close());

/** The next reply, skipping the focus a push sends to every client (the pusher included, before its ack). */
async function reply(client: TestClient) {
  for (;;) {
    const message = await nextNonHeartbeat(client);
    if (message.type !== 'wall-focus') return message;
  }
}

async function greeted(token?: string): Promise<TestClient> {
  const client = await openTestClient(bridge.origin);
  client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, ...(token && { token }) });
  expect((await client.next()).type).toBe('welcome');
  return client;
}

describe('push-to-wall', () => {
  it('tells every client where to focus, and a wall that connects during the hold too', async () => {
    const wall = await greeted();
    const console = await greeted(OPERATOR);
    console.sendJson({ type: 'push-to-wall', id: 'p1', target: { level: 'intersection', id: 'n2' }, holdS: 30 });
    expect(await reply(console)).toEqual({ type: 'ack', requestId: 'p1' });
    const focus = await nextOfType(wall, 'wall-focus');
    expect(focus).toMatchObject({ target: { level: 'intersection', id: 'n2' }, fromLabel: expect.stringContaining('@') });
    expect(focus.holdUntilMs - focus.atMs).toBe(30_000);

    const lateWall = await greeted();
    expect(await nextOfType(lateWall, 'wall-focus')).toEqual(focus);
    for (const client of [wall, console, lateWall]) client.socket.close();
  });

  it('refuses a viewer, and a target the city does not have', async () => {
    const viewer = await greeted();
    viewer.sendJson({ type: 'push-to-wall', id: 'v1', target: { alertId: 'a1' } });
    expect(await reply(viewer)).toMatchObject({ type: 'error', code: 'forbidden', requestId: 'v1' });
    const console = await greeted(OPERATOR);
    console.sendJson({ type: 'push-to-wall', id: 'o1', target: { level: 'district', id: 'nowhere' } });
    expect(await reply(console)).toMatchObject({ type: 'error', code: 'not-found', requestId: 'o1' });
    console.sendJson({ type: 'push-to-wall', id: 'o2', target: { level: 'district' } });
    expect(await reply(console)).toMatchObject({ type: 'error', code: 'invalid', message: expect.stringContaining('target.id') });
    viewer.socket.close();
    console.socket.close();
  });
});

describe('get-city-trend', () => {
  it('answers any role with the hours recorded today', async () => {
    const viewer = await greeted();
    const hourStart = Date.UTC(2024, 5, 3, 1);
    source.emitArea(hourStart, 1.4);
    viewer.sendJson({ type: 'get-city-trend', id: 't1' });
    const trend = await reply(viewer);
    expect(trend).toMatchObject({ type: 'city-trend', requestId: 't1', yesterday: [] });
    if (trend.type !== 'city-trend') throw new Error('unreachable');
    expect(trend.today).toEqual([expect.objectContaining({ hourStartSimMs: hourStart, travelTimeIndex: 1.4, samples: 1 })]);
    viewer.socket.close();
  });
});

describe('GET /api/wall-layout', () => {
  it('serves the built-in layout when no file is configured', async () => {
    const response = await fetch(`${bridge.origin}/api/wall-layout`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(DEFAULT_WALL_LAYOUT);
  });

  it('refuses to start with a bad layout file, naming the file and the field', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wall-')), 'wall.json');
    writeFileSync(file, JSON.stringify({ ...DEFAULT_WALL_LAYOUT, version: 9 }));
    await expect(startBridge(options({ wallLayoutFile: file }))).rejects.toThrow(`${file}.version`);
  });
});
