import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { FakeBridge, type FakeSocket, welcome } from '../connection/fake-bridge';
import { connectToFakeBridge } from '../connection/fake-connection';
import { drillCity } from './drill-city.fixture';
import { cityFigures, detailMessage, deviceFigures, districtFigures, intersectionFigures } from './drill-detail.fixture';
import { groupRoads } from './road-groups';
import { useSelectionStore } from './selection-store';

let bridge: FakeBridge;

function liveStore() {
  connectToFakeBridge(bridge);
  useCityStore().meta = drillCity().meta;
  return useSelectionStore();
}

const subscriptions = (socket: FakeSocket) => socket.sent.filter((message) => message.type === 'subscribe-detail');
const lastSubscription = (socket: FakeSocket) => {
  const last = subscriptions(socket).at(-1);
  if (!last) throw new Error('no subscription sent');
  return last as unknown as { id: string; level: string; entityId?: string };
};

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T08:00:00.000Z') });
  setActivePinia(createPinia());
  bridge = new FakeBridge();
});

afterEach(() => {
  useConnectionStore().disconnect();
  vi.useRealTimers();
});

describe('the selection store', () => {
  it('subscribes to the city once connected and keeps the reply as the detail', async () => {
    const selection = liveStore();
    const sub = lastSubscription(bridge.latest);
    expect(sub).toMatchObject({ level: 'city' });
    expect(sub.entityId).toBeUndefined();
    bridge.latest.deliver(detailMessage(cityFigures(), sub.id));
    await vi.waitFor(() => expect(selection.detail?.figures.level).toBe('city'));
    expect(selection.path.map((crumb) => crumb.level)).toEqual(['city']);
  });

  it('replaces the subscription on select and ignores pushes still arriving for the previous place', async () => {
    const selection = liveStore();
    selection.select({ level: 'intersection', id: 'N2' });
    expect(lastSubscription(bridge.latest)).toMatchObject({ level: 'intersection', entityId: 'N2' });
    expect(selection.detail).toBeNull();
    bridge.latest.deliver(detailMessage(cityFigures()));
    expect(selection.detail).toBeNull();
    bridge.latest.deliver(detailMessage(intersectionFigures()));
    expect(selection.detail?.figures).toMatchObject({ level: 'intersection', nodeId: 'N2' });
    expect(selection.path.map((crumb) => crumb.id ?? crumb.level)).toEqual(['city', 'east', 'N2']);
  });

  it('highlights every link of a road selected as a whole, and only the link when one is picked', () => {
    const selection = liveStore();
    const jiefang = [...groupRoads(drillCity().meta.links).values()][0]!;
    selection.select({ level: 'link', id: jiefang.representativeId }, { road: jiefang });
    expect([...selection.highlightedLinkIds]).toEqual(['L12', 'L21']);
    selection.select({ level: 'link', id: 'L21' });
    expect([...selection.highlightedLinkIds]).toEqual(['L21']);
    selection.select({ level: 'intersection', id: 'N2' });
    expect(selection.highlightedLinkIds.size).toBe(0);
  });

  it('remembers whether the selection asked the map to fly there', () => {
    const selection = liveStore();
    selection.select({ level: 'intersection', id: 'N2' }, { fly: false });
    expect(selection.flies).toBe(false);
    selection.select({ level: 'intersection', id: 'N1' });
    expect(selection.flies).toBe(true);
  });

  it('goes up one step of the breadcrumb at a time, to the city and no further', () => {
    const selection = liveStore();
    selection.select({ level: 'device', id: 'CAM-1' });
    const climbed = [];
    for (let step = 0; step < 4; step++) {
      selection.up();
      climbed.push(selection.target.id ?? selection.target.level);
    }
    expect(climbed).toEqual(['N1', 'west', 'city', 'city']);
  });

  it('shows the city and a not-found problem for an id the city model does not have, without asking the bridge', () => {
    const selection = liveStore();
    selection.select({ level: 'district', id: 'east' });
    const sent = subscriptions(bridge.latest).length;
    selection.select({ level: 'intersection', id: 'N999' });
    expect(selection.notFound).toMatchObject({ kind: 'unknown', level: 'intersection', id: 'N999' });
    expect(selection.target).toEqual({ level: 'city' });
    expect(lastSubscription(bridge.latest).level).toBe('city');
    expect(subscriptions(bridge.latest)).toHaveLength(sent + 1);
    selection.select({ level: 'district', id: 'west' });
    expect(selection.notFound).toBeNull();
  });

  it('shows the city when the bridge answers not-found, naming the id and the bridge reason', async () => {
    const selection = liveStore();
    selection.select({ level: 'device', id: 'FA-3' });
    const sub = lastSubscription(bridge.latest);
    bridge.latest.deliver({ type: 'error', code: 'not-found', message: 'no device FA-3', requestId: sub.id });
    await vi.waitFor(() => expect(selection.notFound).toMatchObject({ level: 'device', id: 'FA-3', reason: 'no device FA-3' }));
    expect(selection.target).toEqual({ level: 'city' });
  });

  it('throws for a malformed target, naming the field', () => {
    const selection = liveStore();
    expect(() => selection.select({ level: 'device', id: 'has space' })).toThrow(/target\.id/);
  });

  it('renews the subscription for the current place after a reconnect', async () => {
    const selection = liveStore();
    selection.select({ level: 'district', id: 'east' });
    const first = bridge.latest;
    first.serverClose(1006);
    // Step only until the client reopens: a later socket could already have timed out waiting for its welcome.
    for (let waitedMs = 0; bridge.latest === first && waitedMs < 60_000; waitedMs += 100) await vi.advanceTimersByTimeAsync(100);
    const second = bridge.latest;
    expect(second).not.toBe(first);
    second.open();
    second.deliver(welcome({ sessionId: 'session-2' }));
    const sub = lastSubscription(second);
    expect(sub).toMatchObject({ level: 'district', entityId: 'east' });
    second.deliver(detailMessage(districtFigures(), sub.id));
    await vi.waitFor(() => expect(selection.detail?.figures.level).toBe('district'));
  });

  it('checks a deep-linked id once the city model arrives', () => {
    const connection = useConnectionStore();
    connection.connect({ url: 'ws://bridge.test/ws', clientName: 'console/test', openSocket: bridge.openSocket });
    const selection = useSelectionStore();
    selection.select({ level: 'device', id: 'GONE-1' });
    expect(selection.target).toEqual({ level: 'device', id: 'GONE-1' });
    useCityStore().meta = drillCity().meta;
    return vi.waitFor(() => expect(selection.notFound).toMatchObject({ id: 'GONE-1' }));
  });

  it('keeps a device detail only for that device', () => {
    const selection = liveStore();
    selection.select({ level: 'device', id: 'LD-7' });
    bridge.latest.deliver(detailMessage(deviceFigures({ deviceId: 'CAM-1' })));
    expect(selection.detail).toBeNull();
    bridge.latest.deliver(detailMessage(deviceFigures()));
    expect(selection.detail?.figures).toMatchObject({ deviceId: 'LD-7' });
  });
});
