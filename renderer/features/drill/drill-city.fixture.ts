/**
 * A hand-built city for the drill tests: two square districts side by side,
 * a signalized crossing in each, one road across both, and devices on a
 * node, on a link and on neither. Valid against the protocol's city checks.
 */
import { CITY_FORMAT_VERSION, type CityMeta, type LinkShapes, checkCityMeta } from '@protocol';

const name = (zh: string, en: string) => ({ zh, en });

export function drillCity(): { meta: CityMeta; linkShapes: LinkShapes } {
  const meta = checkCityMeta({
    formatVersion: CITY_FORMAT_VERSION,
    id: 'drill-test',
    name: name('钻取城', 'Drill City'),
    version: 'drill-1',
    origin: { lonDeg: 120.19, latDeg: 30.26 },
    timeZone: 'Asia/Shanghai',
    bounds: { minXM: -1000, minYM: -500, maxXM: 1000, maxYM: 500 },
    districts: [
      { id: 'west', name: name('西湖区', 'Xihu'), ringM: [[-1000, -500], [0, -500], [0, 500], [-1000, 500]], labelM: [-500, 0] },
      { id: 'east', name: name('上城区', 'Shangcheng'), ringM: [[0, -500], [1000, -500], [1000, 500], [0, 500]], labelM: [500, 0] },
    ],
    water: [],
    nodes: [
      { id: 'N1', name: name('湖滨路口', 'Hubin Crossing'), xM: -500, yM: 0, districtId: 'west', signalized: true },
      { id: 'N2', xM: 500, yM: 0, districtId: 'east', signalized: true },
      { id: 'N3', xM: 500, yM: 400, districtId: 'east', signalized: false },
    ],
    links: [
      { id: 'L12', name: name('解放路', 'Jiefang Road'), fromNodeId: 'N1', toNodeId: 'N2', roadClass: 'arterial', lanes: 2, lengthM: 1000, freeSpeedKmh: 50, capacityVehPerH: 3600, districtId: 'west' },
      { id: 'L21', name: name('解放路', 'Jiefang Road'), fromNodeId: 'N2', toNodeId: 'N1', roadClass: 'arterial', lanes: 2, lengthM: 1000, freeSpeedKmh: 50, capacityVehPerH: 3600, districtId: 'east' },
      { id: 'L23', name: name('江城路', 'Jiangcheng Street'), fromNodeId: 'N2', toNodeId: 'N3', roadClass: 'local', lanes: 1, lengthM: 400, freeSpeedKmh: 30, capacityVehPerH: 900, districtId: 'east' },
    ],
    devices: [
      { id: 'CAM-1', kind: 'camera', name: name('湖滨摄像机', 'Hubin camera'), xM: -495, yM: 5, districtId: 'west', nodeId: 'N1' },
      { id: 'LD-7', kind: 'loop-detector', name: name('江城线圈', 'Jiangcheng loop'), xM: 500, yM: 200, districtId: 'east', linkId: 'L23' },
      { id: 'FA-3', kind: 'fire-alarm', name: name('大厦烟感', 'Tower smoke alarm'), xM: 700, yM: -300, districtId: 'east' },
    ],
    buildingCount: 0,
  });
  // Straight links: N1 → N2 along y = -3, back along y = +3, N2 → N3 along x = 503.
  const linkShapes: LinkShapes = {
    pointStart: new Uint32Array([0, 2, 4, 6]),
    xyM: new Float32Array([-500, -3, 500, -3, 500, 3, -500, 3, 503, 0, 503, 400]),
  };
  return { meta, linkShapes };
}
