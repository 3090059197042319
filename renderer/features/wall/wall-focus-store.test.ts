import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testAlert } from '../../../backend-bridge/alerts/alert.fixture';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { FakeBridge } from '../connection/fake-bridge';
import { connectToFakeBridge } from '../connection/fake-connection';
import { drillCity } from '../drill/drill-city.fixture';
import { useSelectionStore } from '../drill/selection-store';
import { useWallFocusStore } from './wall-focus-store';

let bridge: FakeBridge;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T08:00:00.000Z') });
  setActivePinia(createPinia());
  bridge = new FakeBridge();
});

afterEach(() => {
  useConnectionStore().disconnect();
  vi.useRealTimers();
});

function liveWall() {
  const focus = useWallFocusStore();
  connectToFakeBridge(bridge, { clientName: 'wall/test' });
  useCityStore().meta = drillCity().meta;
  return focus;
}

const push = (target: object, holdS: number) => ({ type: 'wall-focus', target, holdUntilMs: Date.now() + holdS * 1000, fromLabel: 'console/0.1@ab12', atMs: Date.now() });

describe('the wall focus store', () => {
  it('flies the twin to a pushed place and returns to the city when the hold ends', async () => {
    const focus = liveWall();
    const district = drillCity().meta.districts[0]!.id;
    bridge.latest.deliver(push({ level: 'district', id: district }, 30));
    expect(useSelectionStore().target).toEqual({ level: 'district', id: district });
    expect(focus.holding).toBe(true);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(focus.holding).toBe(false);
    expect(useSelectionStore().target).toEqual({ level: 'city' });
  });

  it('ignores a focus whose hold has already ended, as a late subscriber is handed', () => {
    const focus = liveWall();
    bridge.latest.deliver({ ...push({ level: 'district', id: 'east' }, 30), holdUntilMs: Date.now() - 1 });
    expect(focus.focus).toBeNull();
    expect(useSelectionStore().target).toEqual({ level: 'city' });
  });

  it('takes a pushed alert to the district it is in', () => {
    liveWall();
    const alert = testAlert({ id: 'a1', seq: 1, districtId: drillCity().meta.districts[1]!.id });
    delete (alert as { deviceId?: string }).deviceId;
    delete (alert as { linkId?: string }).linkId;
    bridge.latest.deliver({ type: 'alert-snapshot', streamId: 's', seq: 1, alerts: [alert] });
    bridge.latest.deliver(push({ alertId: 'a1' }, 30));
    expect(useSelectionStore().target).toEqual({ level: 'district', id: alert.districtId });
  });
});
