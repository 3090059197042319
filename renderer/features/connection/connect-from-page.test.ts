import { createPinia, setActivePinia } from 'pinia';
import { CloseCode } from '@protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Router, createMemoryHistory, createRouter } from 'vue-router';
import { connectFromPage } from './connect-from-page';
import { useConnectionStore } from './connection-store';
import { FakeBridge, welcome } from './fake-bridge';
import { TOKEN_STORAGE_KEY, deviceStorageKey } from './session-token';

let bridge: FakeBridge;
let router: Router;
let stored: Map<string, string>;
let kept: Map<string, string>;
const mapStorage = (items: () => Map<string, string>) => ({
  getItem: (key: string) => items().get(key) ?? null,
  setItem: (key: string, value: string) => void items().set(key, value),
  removeItem: (key: string) => void items().delete(key),
});
const storage = mapStorage(() => stored);
const deviceStorage = mapStorage(() => kept);
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const CONSOLE_DEVICE_KEY = deviceStorageKey('console', 'http://127.0.0.1:8080');

async function openPage(path: string, page = { protocol: 'http:', host: '127.0.0.1:8080' }) {
  await router.push(path);
  const connection = useConnectionStore();
  await connectFromPage(connection, {
    router,
    storage,
    deviceStorage,
    userAgent: CHROME,
    page,
    clientName: 'console/test',
    clientOptions: { openSocket: bridge.openSocket },
  });
  return connection;
}

beforeEach(() => {
  setActivePinia(createPinia());
  bridge = new FakeBridge();
  stored = new Map();
  kept = new Map();
  router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/console', component: { render: () => null } }],
  });
});

afterEach(() => useConnectionStore().disconnect());

describe('connectFromPage', () => {
  it('connects to the serving host with the URL token, then hides the token but keeps the rest of the URL', async () => {
    const connection = await openPage('/console?token=t0k3n&district=d1');
    expect(connection.state).toBe('connecting');
    expect(bridge.latest.url).toBe('ws://127.0.0.1:8080/ws');
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ type: 'hello', token: 't0k3n', client: 'console/test' });
    expect(router.currentRoute.value.fullPath).toBe('/console?district=d1');
    expect(stored.get(TOKEN_STORAGE_KEY)).toBe('t0k3n');
  });

  it('reuses the token kept by an earlier load of the tab', async () => {
    stored.set(TOKEN_STORAGE_KEY, 'kept');
    await openPage('/console');
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ token: 'kept' });
  });

  it('connects without a token when there is none', async () => {
    await openPage('/console');
    bridge.latest.open();
    expect(bridge.latest.sent[0]).not.toHaveProperty('token');
  });

  it('refuses, naming the problem, when the URL gives the token twice', async () => {
    const connection = await openPage('/console?token=a&token=b');
    expect(connection.state).toBe('refused');
    expect(connection.refusedReason).toBe('URL token: given 2 times; give it once');
    expect(bridge.sockets).toHaveLength(0);
    expect(router.currentRoute.value.fullPath).toBe('/console');
  });

  it('refuses when the page was not served by a bridge', async () => {
    const connection = await openPage('/console', { protocol: 'file:', host: '' });
    expect(connection.state).toBe('refused');
    expect(connection.refusedReason).toMatch(/served over file:/);
  });
});

/** Lets the pairing's reply travel through the client's promise chain. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pairing this screen as a device', () => {
  /** Welcomes the latest socket and answers the pairing it then asks for. */
  function welcomeAndPair(credential = 'device-secret') {
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    const request = bridge.latest.sent.find((message) => message.type === 'pair-device');
    if (!request) throw new Error('the page did not ask to pair');
    bridge.latest.deliver({ type: 'device-paired', requestId: request.id, deviceId: 'dev-1', credential, role: 'operator', label: 'Console · Chrome' });
    return request;
  }

  it('pairs once welcomed with a link, keeps the device credential for this view and bridge, and drops the link from the tab', async () => {
    await openPage('/console?token=link-token');
    const request = welcomeAndPair();
    expect(request).toMatchObject({ type: 'pair-device', label: 'Console · Chrome' });
    expect(request).not.toHaveProperty('replaces');
    await settled();
    expect(kept.get(CONSOLE_DEVICE_KEY)).toBe('device-secret');
    expect(stored.has(TOKEN_STORAGE_KEY)).toBe(false);
  });

  it('asks again at the next welcome when the pairing request was lost with the connection', async () => {
    await openPage('/console?token=link-token');
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(bridge.latest.sent.filter((message) => message.type === 'pair-device')).toHaveLength(1);
    bridge.latest.serverClose(1006);
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(bridge.latest.sent.filter((message) => message.type === 'pair-device')).toHaveLength(1);
  });

  it('connects with the device credential after a reload, without pairing again', async () => {
    kept.set(CONSOLE_DEVICE_KEY, 'device-secret');
    await openPage('/console');
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ type: 'hello', token: 'device-secret' });
    bridge.latest.deliver(welcome());
    expect(bridge.latest.sent.some((message) => message.type === 'pair-device')).toBe(false);
  });

  it('does not send the device credential to a bridge on another origin', async () => {
    kept.set(CONSOLE_DEVICE_KEY, 'device-secret');
    await openPage('/console', { protocol: 'http:', host: '10.0.0.9:8080' });
    bridge.latest.open();
    expect(bridge.latest.sent[0]).not.toHaveProperty('token');
  });

  it('gives up the credential it held before when a link is opened again', async () => {
    kept.set(CONSOLE_DEVICE_KEY, 'old-device');
    await openPage('/console?token=link-token');
    expect(welcomeAndPair('new-device')).toMatchObject({ replaces: 'old-device' });
    await settled();
    expect(kept.get(CONSOLE_DEVICE_KEY)).toBe('new-device');
  });

  it('forgets a refused device credential and shows the refusal, so the next link works', async () => {
    kept.set(CONSOLE_DEVICE_KEY, 'revoked-device');
    const connection = await openPage('/console');
    bridge.latest.open();
    bridge.latest.serverClose(CloseCode.invalidToken, 'revoked@1765150000000: revoked by an administrator');
    expect(connection.state).toBe('refused');
    expect(kept.has(CONSOLE_DEVICE_KEY)).toBe(false);
    await Promise.resolve();
    expect(bridge.sockets).toHaveLength(1);
  });

  it('falls back to the device credential when the link is refused, e.g. after it expired', async () => {
    kept.set(CONSOLE_DEVICE_KEY, 'device-secret');
    stored.set(TOKEN_STORAGE_KEY, 'old-link');
    await openPage('/console');
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ token: 'old-link' });
    bridge.latest.serverClose(CloseCode.invalidToken, 'expired: this link has expired');
    await Promise.resolve();
    expect(stored.has(TOKEN_STORAGE_KEY)).toBe(false);
    expect(bridge.sockets).toHaveLength(2);
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ token: 'device-secret' });
  });
});
