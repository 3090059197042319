import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, PROTOCOL_VERSION, type Role, parseCredentialRefusal } from '../protocol';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { type TestClient, nextNonHeartbeat, openTestClient } from '../app/test-client.fixture';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { tinyCity } from '../city/tiny-city.fixture';
import { TokenRegistry, issueDemoLinks } from './token-registry';

let dataDir: string;
let bridge: RunningBridge | null = null;
let registry: TokenRegistry;

/** Starts a bridge on the test's data directory, as `node dist/bridge/main.js --data-dir` would, with fresh demo links. */
async function start(sessionTokens: Record<string, Role> = {}): Promise<Record<Role, string>> {
  registry = new TokenRegistry();
  for (const [token, role] of Object.entries(sessionTokens)) registry.add(token, role);
  bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port: 0,
    rendererDir: null,
    city: tinyCity(),
    tokens: registry,
    source: new ScriptedSource(['l1', 'l2']),
    dataDir,
  });
  return issueDemoLinks(registry, 60_000);
}

async function stop(): Promise<void> {
  await bridge?.close();
  bridge = null;
}

async function hello(token?: string): Promise<TestClient> {
  const client = await openTestClient(bridge!.origin);
  client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, client: 'test/1', ...(token && { token }) });
  return client;
}

async function greeted(token?: string): Promise<TestClient> {
  const client = await hello(token);
  expect(await client.next()).toMatchObject({ type: 'welcome' });
  return client;
}

async function pair(client: TestClient, label = 'Wall · Chrome', replaces?: string) {
  client.sendJson({ type: 'pair-device', id: 'p1', label, ...(replaces && { replaces }) });
  return nextNonHeartbeat(client);
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'citybrain-devices-'));
});
afterEach(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pairing a screen', () => {
  it('gives a page opened with a link a device credential that still works after a bridge restart', async () => {
    const links = await start();
    const page = await greeted(links.operator);
    const paired = await pair(page, 'Console · Chrome');
    expect(paired).toMatchObject({ type: 'device-paired', requestId: 'p1', role: 'operator', label: 'Console · Chrome' });
    if (paired.type !== 'device-paired') throw new Error('unreachable');
    page.socket.close();
    await stop();

    const freshLinks = await start();
    expect(freshLinks.operator).not.toBe(links.operator);
    expect(await (await hello(paired.credential)).next()).toMatchObject({ type: 'welcome', role: 'operator' });
    // The link printed at the earlier start stays valid until it expires.
    expect(await (await hello(links.operator)).next()).toMatchObject({ type: 'welcome', role: 'operator' });
  });

  it('does not pair a viewer without a token, a desktop-app session or an already paired device', async () => {
    const links = await start({ 'desktop-token': 'operator' });
    expect(await pair(await greeted())).toMatchObject({ type: 'error', code: 'rejected', message: expect.stringContaining('no token') });
    expect(await pair(await greeted('desktop-token'))).toMatchObject({ type: 'error', code: 'rejected', message: expect.stringContaining('session') });
    const paired = await pair(await greeted(links.viewer));
    if (paired.type !== 'device-paired') throw new Error(`expected device-paired, got ${paired.type}`);
    expect(await pair(await greeted(paired.credential))).toMatchObject({ type: 'error', code: 'rejected', message: expect.stringContaining('device') });
  });

  it('replaces the pairing the browser held before when a link is opened again', async () => {
    const links = await start();
    const first = await pair(await greeted(links.viewer));
    if (first.type !== 'device-paired') throw new Error('unreachable');
    const second = await pair(await greeted(links.viewer), 'Wall · Chrome', first.credential);
    expect(second).toMatchObject({ type: 'device-paired' });
    const refused = await hello(first.credential);
    expect(parseCredentialRefusal((await refused.closed).reason)).toMatchObject({ cause: 'revoked' });
  });
});

describe('admin list and revoke', () => {
  it('lists links and devices with who is online, and only to an admin', async () => {
    const links = await start();
    const wall = await greeted(links.viewer);
    const paired = await pair(wall);
    if (paired.type !== 'device-paired') throw new Error('unreachable');
    await greeted(paired.credential);

    const operator = await greeted(links.operator);
    operator.sendJson({ type: 'list-credentials', id: 'l1' });
    expect(await nextNonHeartbeat(operator)).toMatchObject({ type: 'error', code: 'forbidden', requestId: 'l1' });

    const admin = await greeted(links.admin);
    admin.sendJson({ type: 'list-credentials', id: 'l2' });
    const list = await nextNonHeartbeat(admin);
    if (list.type !== 'credential-list') throw new Error(`expected credential-list, got ${list.type}`);
    expect(list.items.find((item) => item.id === paired.deviceId)).toMatchObject({ kind: 'device', role: 'viewer', label: 'Wall · Chrome', online: 1, revokedAtMs: null });
    expect(list.items.filter((item) => item.kind === 'link')).toHaveLength(3);
    expect(list.items.find((item) => item.role === 'admin' && item.kind === 'link')).toMatchObject({ online: 1 });
  });

  it('closes a revoked device at once as refused, with the time, and refuses it from then on', async () => {
    const links = await start();
    const paired = await pair(await greeted(links.viewer));
    if (paired.type !== 'device-paired') throw new Error('unreachable');
    const screen = await greeted(paired.credential);

    const operator = await greeted(links.operator);
    operator.sendJson({ type: 'revoke-credential', id: 'r0', credentialId: paired.deviceId });
    expect(await nextNonHeartbeat(operator)).toMatchObject({ type: 'error', code: 'forbidden', requestId: 'r0' });

    const admin = await greeted(links.admin);
    admin.sendJson({ type: 'revoke-credential', id: 'r1', credentialId: paired.deviceId });
    expect(await nextNonHeartbeat(admin)).toMatchObject({ type: 'ack', requestId: 'r1' });
    const closed = await screen.closed;
    expect(closed.code).toBe(CloseCode.invalidToken);
    expect(parseCredentialRefusal(closed.reason)).toEqual({ cause: 'revoked', revokedAtMs: expect.any(Number) });

    const again = await hello(paired.credential);
    expect(await again.closed).toMatchObject({ code: CloseCode.invalidToken, reason: expect.stringMatching(/^revoked@\d+: /) });
    admin.sendJson({ type: 'revoke-credential', id: 'r2', credentialId: 'dev-0000000000' });
    expect(await nextNonHeartbeat(admin)).toMatchObject({ type: 'error', code: 'not-found', requestId: 'r2' });
  });
});
