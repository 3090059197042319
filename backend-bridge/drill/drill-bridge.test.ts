import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testAlert } from '../alerts/alert.fixture';
import type { AlertDraft } from '../alerts/lifecycle';
import { type Alert, type DrillLevel, PROTOCOL_VERSION, type ServerMessage, parseServerMessage } from '../protocol';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { type TestClient, openTestClient } from '../app/test-client.fixture';
import type { DeviceUpdate } from '../sources/live-source';
import { CityIndex } from './city-index';
import { detailFigures } from './detail-figures';
import { FIXTURE_SIM_TIME_MS, drillAreaTraffic, drillCity, drillLinkTraffic } from './drill-city.fixture';
import { DrillState } from './drill-state';

const city = drillCity();
const dataDir = mkdtempSync(join(tmpdir(), 'citybrain-drill-'));
const source = new ScriptedSource(city.meta.links.map((link) => link.id));
/** What the bridge should know, fed the same events, to compute the expected figures with. */
const expected = new DrillState(new CityIndex(city));
const raised: Alert[] = [];
const clients: TestClient[] = [];
let bridge: RunningBridge;
let requests = 0;

const devices: DeviceUpdate[] = [
  { deviceId: 'cam-b', status: 'online', lastSeenAtMs: 1_750_000_000_000 },
  { deviceId: 'loop-ab', status: 'degraded', lastSeenAtMs: 1_750_000_000_500, reading: { quantity: 'speed', value: 9, unit: 'km/h', simTimeMs: FIXTURE_SIM_TIME_MS } },
];

beforeAll(async () => {
  bridge = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city, tokens: new TokenRegistry(), source, dataDir });
  for (const [id, xM, yM, deviceId] of [['near-b', 100, 50, undefined], ['at-cam', 100, 5, 'cam-b']] as const) {
    const { id: _i, seq: _s, status: _st, history: _h, sentAtMs: _t, ...draft } = testAlert({ area: { shape: 'point', xM, yM }, districtId: 'north' });
    const alertDraft: AlertDraft = { ...draft, ...(deviceId && { deviceId }), headline: { zh: id, en: id } };
    raised.push(bridge.alerts.raise(alertDraft, { role: 'system', label: 'test' }));
  }
  emit();
});
afterEach(() => clients.splice(0).forEach((client) => client.socket.close()));
afterAll(async () => {
  await bridge.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The source reports traffic and devices; the same events go to the expected state. */
function emit(simTimeMs = FIXTURE_SIM_TIME_MS): void {
  const links = { ...drillLinkTraffic(), simTimeMs };
  const area = { ...drillAreaTraffic(), simTimeMs };
  source.sink!.linkTraffic(links);
  source.sink!.devices!(devices);
  source.sink!.areaTraffic(area);
  expected.linkTraffic(links);
  expected.devices(devices);
  expected.areaTraffic(area);
}

const expectedFigures = (level: DrillLevel, entityId?: string) =>
  detailFigures(expected.inputs(raised, undefined, { modeOf: () => 'fixed' }), level, entityId);

async function greeted(): Promise<TestClient> {
  const client = await openTestClient(bridge.origin);
  clients.push(client);
  client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, client: 'drill-test' });
  while ((await client.next()).type !== 'welcome');
  return client;
}

/** Sends a request and returns its one reply, skipping the pushes before it. */
async function request(client: TestClient, message: Record<string, unknown>): Promise<ServerMessage> {
  const id = `r${++requests}`;
  client.sendJson({ ...message, id });
  for (;;) {
    const reply = await client.next();
    if ('requestId' in reply && reply.requestId === id) return reply;
  }
}

/** Everything the bridge sent the client before answering a ping sent now. */
async function sentSoFar(client: TestClient): Promise<ServerMessage[]> {
  const id = `p${++requests}`;
  client.sendJson({ type: 'ping', id, clientTime: Date.now() });
  const seen: ServerMessage[] = [];
  for (;;) {
    const message = await client.next();
    if (message.type === 'pong' && message.id === id) return seen;
    seen.push(message);
  }
}

const details = (messages: ServerMessage[]) => messages.filter((m) => m.type === 'detail');

describe('drill-down detail over WebSocket', () => {
  const targets: [DrillLevel, string | undefined][] = [
    ['city', undefined],
    ['district', 'north'],
    ['intersection', 'b'],
    ['link', 'ab'],
    ['device', 'loop-ab'],
    ['device', 'cam-b'],
  ];
  it.each(targets)('answers a subscription to the %s level (%s) with the figures the aggregation computes', async (level, entityId) => {
    const client = await greeted();
    const reply = await request(client, { type: 'subscribe-detail', level, ...(entityId && { entityId }) });
    expect(parseServerMessage(JSON.stringify(reply)).ok).toBe(true);
    expect(reply).toMatchObject({ type: 'detail', simTimeMs: FIXTURE_SIM_TIME_MS });
    expect(reply.type === 'detail' && reply.figures).toEqual(expectedFigures(level, entityId));
  });

  it('pushes fresh detail with each traffic report to subscribed sessions only, each its own entity', async () => {
    const districtWatcher = await greeted();
    const intersectionWatcher = await greeted();
    const idle = await greeted();
    await request(districtWatcher, { type: 'subscribe-detail', level: 'district', entityId: 'north' });
    await request(intersectionWatcher, { type: 'subscribe-detail', level: 'intersection', entityId: 'b' });
    emit(FIXTURE_SIM_TIME_MS + 1000);

    const toDistrict = details(await sentSoFar(districtWatcher));
    expect(toDistrict).toEqual([{ type: 'detail', simTimeMs: FIXTURE_SIM_TIME_MS + 1000, figures: expectedFigures('district', 'north') }]);
    const toIntersection = details(await sentSoFar(intersectionWatcher));
    expect(toIntersection.map((m) => m.type === 'detail' && m.figures.level)).toEqual(['intersection']);
    expect(details(await sentSoFar(idle))).toEqual([]);
  });

  it('refuses an unknown id with not-found and keeps the session usable', async () => {
    const client = await greeted();
    const refused = await request(client, { type: 'subscribe-detail', level: 'intersection', entityId: 'nowhere' });
    expect(refused).toMatchObject({ type: 'error', code: 'not-found', message: 'no intersection with id "nowhere"' });
    const accepted = await request(client, { type: 'subscribe-detail', level: 'link', entityId: 'bs' });
    expect(accepted.type === 'detail' && accepted.figures).toEqual(expectedFigures('link', 'bs'));
  });

  it('stops pushing after unsubscribe-detail, which is acknowledged', async () => {
    const client = await greeted();
    await request(client, { type: 'subscribe-detail', level: 'city' });
    expect(await request(client, { type: 'unsubscribe-detail' })).toMatchObject({ type: 'ack' });
    emit(FIXTURE_SIM_TIME_MS + 2000);
    expect(details(await sentSoFar(client))).toEqual([]);
  });

  it('counts subscriptions per level in the health endpoint and forgets closed sessions', async () => {
    const health = async () => ((await (await fetch(`${bridge.origin}/api/health`)).json()) as { drill: { subscriptions: Record<DrillLevel, number> } }).drill;
    const first = await greeted();
    const second = await greeted();
    await request(first, { type: 'subscribe-detail', level: 'device', entityId: 'cam-b' });
    await request(second, { type: 'subscribe-detail', level: 'device', entityId: 'fire-s' });
    expect((await health()).subscriptions).toMatchObject({ device: 2 });
    first.socket.close();
    await expect.poll(async () => (await health()).subscriptions.device).toBe(1);
  });
});
