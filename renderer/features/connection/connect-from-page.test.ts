import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Router, createMemoryHistory, createRouter } from 'vue-router';
import { connectFromPage } from './connect-from-page';
import { useConnectionStore } from './connection-store';
import { FakeBridge } from './fake-bridge';
import { TOKEN_STORAGE_KEY } from './session-token';

let bridge: FakeBridge;
let router: Router;
let stored: Map<string, string>;
const storage = {
  getItem: (key: string) => stored.get(key) ?? null,
  setItem: (key: string, value: string) => void stored.set(key, value),
  removeItem: (key: string) => void stored.delete(key),
};

async function openPage(path: string, page = { protocol: 'http:', host: '127.0.0.1:8080' }) {
  await router.push(path);
  const connection = useConnectionStore();
  await connectFromPage(connection, {
    router,
    storage,
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
