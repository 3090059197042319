/**
 * A hand-built city for the drill-down's tests, small enough to work every
 * figure out by hand:
 *
 *   north district                         a (0,0) ──ab──► b (100,0) ◄──cb── c (200,0)
 *                                                          │ bs (500 m south)
 *   south district                                         ▼ s (100,−500)
 *
 * b is signalized. Links: ab 100 m, 1 lane, free 36 km/h; cb 100 m, 2 lanes,
 * free 72 km/h; bs 500 m, 1 lane, free 36 km/h. Devices: camera cam-b at b,
 * loop detector loop-ab on ab, fire alarm fire-s at s.
 */
import type { CityModel } from '../city/city-model';
import { testAlert } from '../alerts/alert.fixture';
import { type Alert, CITY_FORMAT_VERSION } from '../protocol';
import type { AreaTraffic, DeviceUpdate, LinkTraffic } from '../sources/live-source';
import { CityIndex } from './city-index';
import type { DrillInputs } from './drill-inputs';

/** Sim time of the fixture's traffic, ms since the epoch. */
export const FIXTURE_SIM_TIME_MS = 1_717_400_000_000;

export function drillCity(): CityModel {
  const name = (en: string) => ({ zh: `${en}（中）`, en });
  return {
    meta: {
      formatVersion: CITY_FORMAT_VERSION,
      id: 'drill',
      name: name('Drill Town'),
      version: 'drill-1',
      origin: { lonDeg: 120.19, latDeg: 30.26 },
      timeZone: 'Asia/Shanghai',
      bounds: { minXM: -10, minYM: -510, maxXM: 210, maxYM: 10 },
      districts: [
        { id: 'north', name: name('North'), ringM: [[-10, -250], [210, -250], [210, 500], [-10, 500]], labelM: [100, 100] },
        { id: 'south', name: name('South'), ringM: [[-10, -510], [210, -510], [210, -250], [-10, -250]], labelM: [100, -400] },
      ],
      water: [],
      nodes: [
        { id: 'a', xM: 0, yM: 0, districtId: 'north', signalized: false },
        { id: 'b', xM: 100, yM: 0, districtId: 'north', signalized: true },
        { id: 'c', xM: 200, yM: 0, districtId: 'north', signalized: false },
        { id: 's', xM: 100, yM: -500, districtId: 'south', signalized: false },
      ],
      links: [
        { id: 'ab', name: name('West Rd'), fromNodeId: 'a', toNodeId: 'b', roadClass: 'collector', lanes: 1, lengthM: 100, freeSpeedKmh: 36, capacityVehPerH: 1800, districtId: 'north' },
        { id: 'cb', name: name('East Rd'), fromNodeId: 'c', toNodeId: 'b', roadClass: 'arterial', lanes: 2, lengthM: 100, freeSpeedKmh: 72, capacityVehPerH: 3600, districtId: 'north' },
        { id: 'bs', name: name('South Rd'), fromNodeId: 'b', toNodeId: 's', roadClass: 'collector', lanes: 1, lengthM: 500, freeSpeedKmh: 36, capacityVehPerH: 1800, districtId: 'south' },
      ],
      devices: [
        { id: 'cam-b', kind: 'camera', name: name('Camera B'), xM: 100, yM: 5, districtId: 'north', nodeId: 'b' },
        { id: 'loop-ab', kind: 'loop-detector', name: name('Loop AB'), xM: 50, yM: 0, districtId: 'north', linkId: 'ab' },
        { id: 'fire-s', kind: 'fire-alarm', name: name('Fire S'), xM: 100, yM: -500, districtId: 'south' },
      ],
      buildingCount: 0,
    },
    buildings: { ringStart: new Uint32Array([0]), xyM: new Float32Array(0), heightM: new Float32Array(0), district: new Uint16Array(0) },
    linkShapes: {
      pointStart: new Uint32Array([0, 2, 4, 6]),
      xyM: new Float32Array([0, 0, 100, 0, 200, 0, 100, 0, 100, 0, 100, -500]),
    },
  };
}

/**
 * Traffic by link (ab, cb, bs): ab crawls at 9 km/h (a quarter of its free
 * speed, heavy), cb runs at half its free speed (moderate), bs runs free.
 */
export function drillLinkTraffic(): LinkTraffic {
  return {
    simTimeMs: FIXTURE_SIM_TIME_MS,
    speedKmh: new Float32Array([9, 36, 36]),
    densityVehPerKmLane: new Float32Array([60, 20, 10]),
    flowVehPerH: new Float32Array([400, 1200, 600]),
    level: new Uint8Array([3, 2, 0]),
  };
}

export function drillAreaTraffic(): AreaTraffic {
  return {
    simTimeMs: FIXTURE_SIM_TIME_MS,
    city: { travelTimeIndex: 1.5, avgSpeedKmh: 30, vehicles: 100 },
    districts: [
      { districtId: 'north', travelTimeIndex: 2, avgSpeedKmh: 20, vehicles: 70 },
      { districtId: 'south', travelTimeIndex: 1.2, avgSpeedKmh: 33, vehicles: 30 },
    ],
  };
}

/**
 * Open alerts: n-severe at (50, 100) (100 m from ab, 111.8 m from b);
 * n-minor from cam-b at (100, 5); n-far at (100, 400), beyond 300 m of
 * everything; s-extreme at s.
 */
export function drillAlerts(): Alert[] {
  const at = (xM: number, yM: number) => ({ shape: 'point', xM, yM }) as const;
  return [
    testAlert({ id: 'n-severe', severity: 'Severe', districtId: 'north', area: at(50, 100), simTimeMs: FIXTURE_SIM_TIME_MS - 120_000 }),
    testAlert({ id: 'n-minor', severity: 'Minor', districtId: 'north', area: at(100, 5), deviceId: 'cam-b', simTimeMs: FIXTURE_SIM_TIME_MS - 60_000 }),
    testAlert({ id: 'n-far', severity: 'Moderate', districtId: 'north', area: at(100, 400), simTimeMs: FIXTURE_SIM_TIME_MS - 30_000 }),
    testAlert({ id: 's-extreme', severity: 'Extreme', districtId: 'south', area: at(100, -500), simTimeMs: FIXTURE_SIM_TIME_MS - 10_000 }),
  ];
}

/** cam-b online, loop-ab degraded with a speed reading; fire-s never reported. */
export function drillDevices(): Map<string, DeviceUpdate> {
  return new Map<string, DeviceUpdate>([
    ['cam-b', { deviceId: 'cam-b', status: 'online', lastSeenAtMs: 1_750_000_000_000 }],
    [
      'loop-ab',
      { deviceId: 'loop-ab', status: 'degraded', lastSeenAtMs: 1_750_000_001_000, reading: { quantity: 'speed', value: 9, unit: 'km/h', simTimeMs: FIXTURE_SIM_TIME_MS } },
    ],
  ]);
}

/** The fixture's state with every part filled in; override any of them. */
export function drillInputs(overrides: Partial<DrillInputs> = {}): DrillInputs {
  const history = [
    { simTimeMs: FIXTURE_SIM_TIME_MS - 60_000, travelTimeIndex: 1.4, avgSpeedKmh: 31 },
    { simTimeMs: FIXTURE_SIM_TIME_MS, travelTimeIndex: 1.5, avgSpeedKmh: 30 },
  ];
  return {
    index: new CityIndex(drillCity()),
    links: drillLinkTraffic(),
    area: drillAreaTraffic(),
    cityHistory: history,
    districtHistory: (districtId) => (districtId === 'north' ? [{ simTimeMs: FIXTURE_SIM_TIME_MS, travelTimeIndex: 2, avgSpeedKmh: 20 }] : []),
    openAlerts: drillAlerts(),
    devices: drillDevices(),
    modes: { modeOf: () => 'fixed' },
    ...overrides,
  };
}
