import { readFileSync } from 'node:fs';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnectionStore } from '../connection/connection-store';
import { FakeBridge, welcome } from '../connection/fake-bridge';
import { connectToFakeBridge } from '../connection/fake-connection';
import { useWallStore } from './wall-store';

const LAYOUT = JSON.parse(readFileSync(new URL('../../../assets/wall/one-screen.json', import.meta.url), 'utf8')) as unknown;

let bridge: FakeBridge;

beforeEach(() => {
  // The store reads the pinned scene from localStorage; the unit tests run in Node.
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
    removeItem: (key: string) => stored.delete(key),
  });
  setActivePinia(createPinia());
  bridge = new FakeBridge();
});

afterEach(() => {
  useConnectionStore().disconnect();
  vi.unstubAllGlobals();
});

describe('the wall store', () => {
  it('loads the layout again on the next welcome when a restarting bridge could not serve it', async () => {
    const fetchLayout = vi.fn<() => Promise<Response>>().mockRejectedValueOnce(new TypeError('Failed to fetch'));
    fetchLayout.mockResolvedValue(new Response(JSON.stringify(LAYOUT), { status: 200 }));
    vi.stubGlobal('fetch', fetchLayout);
    const wall = useWallStore();
    connectToFakeBridge(bridge, { random: () => 0 });
    await wall.load();
    expect(wall.error).toContain('Failed to fetch');

    // The bridge comes back: a new socket, a new session.
    bridge.latest.serverClose(1006);
    await vi.waitFor(() => expect(bridge.sockets).toHaveLength(2));
    bridge.latest.open();
    bridge.latest.deliver(welcome({ sessionId: 'session-2' }));
    await vi.waitFor(() => expect(wall.layout).not.toBeNull());
    expect(wall.error).toBeNull();
    expect(fetchLayout).toHaveBeenCalledTimes(2);
  });

  it('does not fetch again on a welcome while the layout it has is good', async () => {
    const fetchLayout = vi.fn(async () => new Response(JSON.stringify(LAYOUT), { status: 200 }));
    vi.stubGlobal('fetch', fetchLayout);
    const wall = useWallStore();
    connectToFakeBridge(bridge, { random: () => 0 });
    await wall.load();
    bridge.latest.deliver(welcome({ sessionId: 'session-2' }));
    expect(fetchLayout).toHaveBeenCalledTimes(1);
  });
});
