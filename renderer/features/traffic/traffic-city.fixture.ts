/**
 * A small hand-built city for the traffic tests: three links whose shapes
 * are easy to reason about, inside bounds as wide as the demo city's, at the
 * demo city's origin. Valid against the protocol's city checks.
 */
import { CITY_FORMAT_VERSION, type CityMeta, type LinkShapes, checkCityMeta } from '@protocol';

const name = (zh: string, en: string) => ({ zh, en });

export function trafficCity(): { meta: CityMeta; linkShapes: LinkShapes } {
  const meta = checkCityMeta({
    formatVersion: CITY_FORMAT_VERSION,
    id: 'traffic-test',
    name: name('测试城', 'Test City'),
    version: 'traffic-1',
    origin: { lonDeg: 120.19, latDeg: 30.26 },
    timeZone: 'Asia/Shanghai',
    bounds: { minXM: -7000, minYM: -7000, maxXM: 7000, maxYM: 7000 },
    districts: [
      {
        id: 'd1',
        name: name('一区', 'One'),
        ringM: [[-7000, -7000], [7000, -7000], [7000, 7000], [-7000, 7000]],
        labelM: [0, 0],
      },
    ],
    water: [],
    nodes: [
      { id: 'a', xM: 0, yM: 0, districtId: 'd1', signalized: true },
      { id: 'b', xM: 600, yM: 0, districtId: 'd1', signalized: false },
      { id: 'c', xM: 600, yM: 800, districtId: 'd1', signalized: false },
    ],
    links: [
      // East along y = -2 (the right-hand side of a two-way street), 600 m.
      { id: 'ab', name: name('东路', 'East Rd'), fromNodeId: 'a', toNodeId: 'b', roadClass: 'arterial', lanes: 2, lengthM: 600, freeSpeedKmh: 60, capacityVehPerH: 3600, districtId: 'd1' },
      // Back west along y = +2.
      { id: 'ba', name: name('东路', 'East Rd'), fromNodeId: 'b', toNodeId: 'a', roadClass: 'arterial', lanes: 2, lengthM: 600, freeSpeedKmh: 60, capacityVehPerH: 3600, districtId: 'd1' },
      // North in two straight pieces of 400 m.
      { id: 'bc', name: name('北街', 'North St'), fromNodeId: 'b', toNodeId: 'c', roadClass: 'local', lanes: 1, lengthM: 800, freeSpeedKmh: 40, capacityVehPerH: 900, districtId: 'd1' },
    ],
    devices: [],
    buildingCount: 0,
  });
  const linkShapes: LinkShapes = {
    pointStart: new Uint32Array([0, 2, 4, 7]),
    xyM: new Float32Array([0, -2, 600, -2, 600, 2, 0, 2, 602, 0, 602, 400, 602, 800]),
  };
  return { meta, linkShapes };
}
