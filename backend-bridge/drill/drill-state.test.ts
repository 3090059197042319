import { describe, expect, it } from 'vitest';
import { CityIndex } from './city-index';
import { FIXTURE_SIM_TIME_MS, drillAreaTraffic, drillCity, drillLinkTraffic } from './drill-city.fixture';
import { DrillState } from './drill-state';

const modes = { modeOf: () => 'fixed' as const };

describe('DrillState', () => {
  it('keeps a copy of the link traffic, since sources reuse their arrays', () => {
    const state = new DrillState(new CityIndex(drillCity()));
    const traffic = drillLinkTraffic();
    state.linkTraffic(traffic);
    traffic.speedKmh[0] = 99;
    expect(state.inputs([], undefined, modes).links?.speedKmh[0]).toBe(9);
  });

  it('ignores link traffic sized for another city', () => {
    const state = new DrillState(new CityIndex(drillCity()));
    state.linkTraffic({ ...drillLinkTraffic(), speedKmh: new Float32Array(5) });
    expect(state.inputs([], undefined, modes).links).toBeNull();
  });

  it('keeps one history point per sim minute for the city and each district', () => {
    const state = new DrillState(new CityIndex(drillCity()));
    for (const offsetS of [0, 30, 60, 90, 120]) state.areaTraffic({ ...drillAreaTraffic(), simTimeMs: FIXTURE_SIM_TIME_MS + offsetS * 1000 });
    const inputs = state.inputs([], undefined, modes);
    expect(inputs.cityHistory).toHaveLength(3);
    expect(inputs.districtHistory('north').map((p) => p.travelTimeIndex)).toEqual([2, 2, 2]);
    expect(inputs.districtHistory('nowhere')).toEqual([]);
    expect(state.simTimeMs).toBe(FIXTURE_SIM_TIME_MS + 120_000);
  });

  it("keeps each known device's latest update and drops unknown devices", () => {
    const state = new DrillState(new CityIndex(drillCity()));
    state.devices([
      { deviceId: 'cam-b', status: 'offline', lastSeenAtMs: 1 },
      { deviceId: 'ghost', status: 'online', lastSeenAtMs: 1 },
    ]);
    state.devices([{ deviceId: 'cam-b', status: 'online', lastSeenAtMs: 2 }]);
    const { devices } = state.inputs([], undefined, modes);
    expect([...devices.keys()]).toEqual(['cam-b']);
    expect(devices.get('cam-b')?.lastSeenAtMs).toBe(2);
  });
});
