/**
 * A hand-built three-node city for server tests: small enough to read, valid
 * against the protocol's city checks.
 */
import type { CityModel } from './city-model';
import { CITY_FORMAT_VERSION } from '../protocol';

export function tinyCity(): CityModel {
  const name = (zh: string, en: string) => ({ zh, en });
  return {
    meta: {
      formatVersion: CITY_FORMAT_VERSION,
      id: 'tiny',
      name: name('小城', 'Tiny Town'),
      version: 'tiny-1',
      origin: { lonDeg: 120.19, latDeg: 30.26 },
      timeZone: 'Asia/Shanghai',
      bounds: { minXM: -100, minYM: -100, maxXM: 100, maxYM: 100 },
      districts: [
        { id: 'd1', name: name('一区', 'One'), ringM: [[-100, -100], [100, -100], [100, 100], [-100, 100]], labelM: [0, 0] },
      ],
      water: [],
      nodes: [
        { id: 'n1', xM: -80, yM: 0, districtId: 'd1', signalized: false },
        { id: 'n2', xM: 0, yM: 0, districtId: 'd1', signalized: true, name: name('路口', 'Crossing') },
        { id: 'n3', xM: 80, yM: 0, districtId: 'd1', signalized: false },
      ],
      links: [
        { id: 'l1', name: name('东路', 'East Rd'), fromNodeId: 'n1', toNodeId: 'n2', roadClass: 'arterial', lanes: 2, lengthM: 80, freeSpeedKmh: 50, capacityVehPerH: 3600, districtId: 'd1' },
        { id: 'l2', name: name('东路', 'East Rd'), fromNodeId: 'n2', toNodeId: 'n3', roadClass: 'arterial', lanes: 2, lengthM: 80, freeSpeedKmh: 50, capacityVehPerH: 3600, districtId: 'd1' },
      ],
      devices: [{ id: 'cam1', kind: 'camera', name: name('摄像机', 'Camera'), xM: 0, yM: 5, districtId: 'd1', nodeId: 'n2' }],
      buildingCount: 1,
    },
    buildings: {
      ringStart: new Uint32Array([0, 4]),
      xyM: new Float32Array([10, 10, 30, 10, 30, 30, 10, 30]),
      heightM: new Float32Array([45]),
      district: new Uint16Array([0]),
    },
    linkShapes: {
      pointStart: new Uint32Array([0, 2, 4]),
      xyM: new Float32Array([-80, 0, 0, 0, 0, 0, 80, 0]),
    },
  };
}
