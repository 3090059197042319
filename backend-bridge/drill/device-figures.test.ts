import { describe, expect, it } from 'vitest';
import { detailFiguresSchema, parseAt } from '../protocol';
import { deviceFigures } from './device-figures';
import { FIXTURE_SIM_TIME_MS, drillInputs } from './drill-city.fixture';

const device = (id: string) => drillInputs().index.deviceById.get(id)!;

describe('deviceFigures', () => {
  it("reports a detector's status, reading and the traffic on its link", () => {
    const figures = deviceFigures(drillInputs(), device('loop-ab'));
    expect(parseAt(detailFiguresSchema, figures, 'figures')).toEqual(figures);
    expect(figures).toEqual({
      level: 'device',
      deviceId: 'loop-ab',
      districtId: 'north',
      status: 'degraded',
      lastSeenAtMs: 1_750_000_001_000,
      reading: { quantity: 'speed', value: 9, unit: 'km/h', simTimeMs: FIXTURE_SIM_TIME_MS },
      // 60 veh/km/lane × 6.5 m each = 390 m of every km occupied.
      linkTraffic: { linkId: 'ab', speedKmh: 9, flowVehPerH: 400, occupancyPct: 39 },
      alerts: [],
    });
  });

  it("lists a camera's open alerts, its last event first", () => {
    const figures = deviceFigures(drillInputs(), device('cam-b'));
    expect(figures).toMatchObject({ status: 'online', lastSeenAtMs: 1_750_000_000_000 });
    expect(figures.alerts.map((a) => a.id)).toEqual(['n-minor']);
    expect(figures.reading).toBeUndefined();
    expect(figures.linkTraffic).toBeUndefined();
  });

  it('shows a device never heard from as offline, without a last-seen time', () => {
    const figures = deviceFigures(drillInputs(), device('fire-s'));
    expect(figures).toEqual({ level: 'device', deviceId: 'fire-s', districtId: 'south', status: 'offline', alerts: [] });
  });

  it('shows no link traffic for an offline detector', () => {
    const devices = new Map([['loop-ab', { deviceId: 'loop-ab', status: 'offline' as const, lastSeenAtMs: 5 }]]);
    const figures = deviceFigures(drillInputs({ devices }), device('loop-ab'));
    expect(figures.linkTraffic).toBeUndefined();
    expect(figures.lastSeenAtMs).toBe(5);
  });

  it('caps occupancy at 100 % on a jammed link', () => {
    const inputs = drillInputs();
    inputs.links!.densityVehPerKmLane[0] = 200;
    expect(deviceFigures(inputs, device('loop-ab')).linkTraffic?.occupancyPct).toBe(100);
  });
});
