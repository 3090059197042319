import { describe, expect, it } from 'vitest';
import { CITY_FORMAT_VERSION, type CityMeta, DEVICE_KINDS, type DeviceStatus } from '../../protocol';
import type { DeviceUpdate } from '../live-source';
import { sinkWith } from '../live-sink.fixture';
import { chainCity } from './chain-city.fixture';
import { DeviceHealth } from './device-health';
import { SimulatorSource } from './simulator-source';

const START_MS = 1_717_369_200_000;
const HOUR_MS = 3_600_000;
const WALL_MS = 1_750_000_000_000;

/** A city of `perKind` devices of every kind; loop detectors measure link l0. */
function deviceCity(perKind: number): CityMeta {
  const name = { zh: '测', en: 'Test' };
  return {
    formatVersion: CITY_FORMAT_VERSION,
    id: 'devices',
    name,
    version: '1',
    origin: { lonDeg: 0, latDeg: 0 },
    timeZone: 'Asia/Shanghai',
    bounds: { minXM: 0, minYM: 0, maxXM: 10, maxYM: 10 },
    districts: [{ id: 'd', name, ringM: [[0, 0], [10, 0], [10, 10]], labelM: [1, 1] }],
    water: [],
    nodes: [
      { id: 'n0', xM: 0, yM: 0, districtId: 'd', signalized: false },
      { id: 'n1', xM: 10, yM: 0, districtId: 'd', signalized: false },
    ],
    links: [{ id: 'l0', name, fromNodeId: 'n0', toNodeId: 'n1', roadClass: 'local', lanes: 1, lengthM: 10, freeSpeedKmh: 30, capacityVehPerH: 900, districtId: 'd' }],
    devices: DEVICE_KINDS.flatMap((kind) =>
      Array.from({ length: perKind }, (_, i) => ({ id: `${kind}-${i}`, kind, name, xM: 1, yM: 1, districtId: 'd', ...(kind === 'loop-detector' && { linkId: 'l0' }) })),
    ),
    buildingCount: 0,
  };
}

const statuses = (health: DeviceHealth, simTimeMs: number) => health.all(simTimeMs, WALL_MS, null).map((u) => u.status);

describe('DeviceHealth', () => {
  it('gives the same states at the same sim time for the same seed, however often it is asked', () => {
    const meta = deviceCity(50);
    const often = new DeviceHealth(meta, { seed: 7, startSimTimeMs: START_MS });
    const rarely = new DeviceHealth(meta, { seed: 7, startSimTimeMs: START_MS });
    for (let t = START_MS; t <= START_MS + 12 * HOUR_MS; t += 60_000) often.changes(t, WALL_MS, null);
    expect(statuses(often, START_MS + 12 * HOUR_MS)).toEqual(statuses(rarely, START_MS + 12 * HOUR_MS));
  });

  it('gives other states for another seed', () => {
    const meta = deviceCity(50);
    const at = START_MS + 6 * HOUR_MS;
    expect(statuses(new DeviceHealth(meta, { seed: 1, startSimTimeMs: START_MS }), at)).not.toEqual(
      statuses(new DeviceHealth(meta, { seed: 2, startSimTimeMs: START_MS }), at),
    );
  });

  it('keeps most devices online, a few degraded or offline, at the start and a day later', () => {
    const health = new DeviceHealth(deviceCity(500), { seed: 42, startSimTimeMs: START_MS });
    for (const at of [START_MS, START_MS + 24 * HOUR_MS]) {
      const all = statuses(health, at);
      const share = (status: DeviceStatus) => all.filter((s) => s === status).length / all.length;
      // Long-run shares down per kind are 3.0 %, 4.0 %, 1.6 % and 4.0 %.
      expect(share('online')).toBeGreaterThan(0.93);
      expect(share('online')).toBeLessThan(0.995);
      expect(share('degraded')).toBeGreaterThan(0);
      expect(share('offline')).toBeGreaterThan(0);
    }
  });

  it('starts and ends outages over sim time', () => {
    const health = new DeviceHealth(deviceCity(100), { seed: 3, startSimTimeMs: START_MS });
    const before = statuses(health, START_MS);
    const after = statuses(health, START_MS + 6 * HOUR_MS);
    const wentDown = before.filter((s, i) => s === 'online' && after[i] !== 'online').length;
    const cameBack = before.filter((s, i) => s !== 'online' && after[i] === 'online').length;
    expect(wentDown).toBeGreaterThan(0);
    expect(cameBack).toBeGreaterThan(0);
  });

  it('reports changes only: nothing again at the same instant, heartbeats a minute later', () => {
    const health = new DeviceHealth(deviceCity(50), { seed: 9, startSimTimeMs: START_MS });
    const links = { speedKmh: [25] };
    const first = health.changes(START_MS, WALL_MS, links);
    expect(first).toHaveLength(200);
    expect(health.changes(START_MS, WALL_MS + 1000, links)).toEqual([]);
    // No status changes in this minute for this seed: every device that is up says it is still there, the silent stay silent.
    const heartbeats = health.changes(START_MS + 60_000, WALL_MS + 60_000, links);
    expect(heartbeats.map((u) => u.deviceId)).toEqual(first.filter((u) => u.status !== 'offline').map((u) => u.deviceId));
    expect(heartbeats.length).toBeLessThan(first.length);
    expect(heartbeats.every((u) => u.lastSeenAtMs === WALL_MS + 60_000)).toBe(true);
  });

  it("reads a working detector's link speed and keeps a silent device's last-seen time", () => {
    const health = new DeviceHealth(deviceCity(200), { seed: 11, startSimTimeMs: START_MS });
    const updates = health.all(START_MS, WALL_MS, { speedKmh: [23.456] });
    const detectors = updates.filter((u) => u.deviceId.startsWith('loop-detector'));
    const working = detectors.filter((u) => u.status !== 'offline');
    expect(working.length).toBeGreaterThan(0);
    for (const update of working) {
      expect(update.reading).toEqual({ quantity: 'speed', value: 23.5, unit: 'km/h', simTimeMs: START_MS });
      expect(update.lastSeenAtMs).toBe(WALL_MS);
    }
    const silent = updates.filter((u) => u.status === 'offline');
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.every((u) => u.reading === undefined && u.lastSeenAtMs < WALL_MS)).toBe(true);
    expect(updates.filter((u) => !u.deviceId.startsWith('loop-detector')).every((u) => u.reading === undefined)).toBe(true);
  });

  it('sends a new detector reading when its link speed changes', () => {
    const health = new DeviceHealth(deviceCity(20), { seed: 5, startSimTimeMs: START_MS });
    const first = health.changes(START_MS, WALL_MS, { speedKmh: [30] });
    const next = health.changes(START_MS + 1000, WALL_MS + 1000, { speedKmh: [12] });
    const workingDetectors = first.filter((u) => u.deviceId.startsWith('loop-detector') && u.status !== 'offline');
    expect(next.map((u) => u.deviceId)).toEqual(workingDetectors.map((u) => u.deviceId));
    expect(next.every((u) => u.reading?.value === 12)).toBe(true);
  });
});

describe('the simulator source', () => {
  it('reports every device once at start, then changes with detector readings from the traffic', async () => {
    const city = chainCity(Array.from({ length: 3 }, () => ({ lengthM: 300, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 })));
    const name = { zh: '测', en: 'Test' };
    city.meta.devices = [
      { id: 'loop-1', kind: 'loop-detector', name, xM: 150, yM: 0, districtId: 'd', linkId: 'l2' },
      { id: 'cam-1', kind: 'camera', name, xM: 300, yM: 0, districtId: 'd', nodeId: 'n1' },
    ];
    /** Each device report with the speed on l2 in the traffic published just before it. */
    const reports: { updates: DeviceUpdate[]; linkSpeedKmh: number | null }[] = [];
    let linkSpeedKmh: number | null = null;
    const sink = sinkWith({
      linkTraffic: (traffic) => {
        linkSpeedKmh = traffic.speedKmh[1]!;
      },
      areaTraffic: () => {},
      clock: () => {},
      incidents: () => {},
      devices: (updates) => reports.push({ updates, linkSpeedKmh }),
    });
    const simulator = new SimulatorSource(city, { sim: { seed: 4, warmUpS: 60 }, runner: { speedFactor: 60, publishHz: 20 } });
    simulator.start(sink);
    try {
      await expect.poll(() => reports.length, { timeout: 5000 }).toBeGreaterThan(1);
    } finally {
      simulator.stop();
    }
    expect(reports[0]!.updates.map((u) => u.deviceId)).toEqual(['loop-1', 'cam-1']);
    expect(reports[0]!.updates.every((u) => u.reading === undefined)).toBe(true);
    const detector = reports[1]!.updates.find((u) => u.deviceId === 'loop-1');
    // Seed 4 keeps the detector up: its first report after the start carries its link's speed, to 0.1 km/h.
    expect(detector?.reading?.value).toBeCloseTo(reports[1]!.linkSpeedKmh!, 1);
  });
});
