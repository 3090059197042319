/**
 * One signalized four-arm crossing for signal tests: node x at the origin,
 * boundary nodes n, s, e, w 200 m away, an in-link (`nIn`, …) and an
 * out-link (`nOut`, …) on each arm. Through traffic enters at every
 * boundary node and leaves at the others.
 */
import type { CityModel } from '../city/city-model';
import { CITY_FORMAT_VERSION } from '../protocol';

const ARMS = { n: [0, 200], s: [0, -200], e: [200, 0], w: [-200, 0] } as const;

export function crossingCity(): CityModel {
  const name = (text: string) => ({ zh: text, en: text });
  const arms = Object.entries(ARMS);
  const link = (id: string, fromNodeId: string, toNodeId: string) => ({
    id,
    name: name(`${id} Road`),
    fromNodeId,
    toNodeId,
    roadClass: 'arterial' as const,
    lanes: 2,
    lengthM: 200,
    freeSpeedKmh: 50,
    capacityVehPerH: 3600,
    districtId: 'd',
  });
  const links = arms.flatMap(([arm]) => [link(`${arm}In`, arm, 'x'), link(`${arm}Out`, 'x', arm)]);
  return {
    meta: {
      formatVersion: CITY_FORMAT_VERSION,
      id: 'crossing',
      name: name('Crossing'),
      version: 'crossing-1',
      origin: { lonDeg: 120.19, latDeg: 30.26 },
      timeZone: 'Asia/Shanghai',
      bounds: { minXM: -210, minYM: -210, maxXM: 210, maxYM: 210 },
      districts: [{ id: 'd', name: name('D'), ringM: [[-210, -210], [210, -210], [210, 210], [-210, 210]], labelM: [0, 0], populationThousands: 0 }],
      nodes: [
        { id: 'x', xM: 0, yM: 0, districtId: 'd', signalized: true, name: name('Crossing') },
        ...arms.map(([arm, [xM, yM]]) => ({ id: arm, xM, yM, districtId: 'd', signalized: false })),
      ],
      links,
      water: [],
      devices: [],
      buildingCount: 0,
    },
    buildings: { ringStart: new Uint32Array([0]), xyM: new Float32Array(0), heightM: new Float32Array(0), district: new Uint16Array(0) },
    linkShapes: {
      pointStart: Uint32Array.from({ length: links.length + 1 }, (_, i) => 2 * i),
      xyM: Float32Array.from(
        links.flatMap((l) => {
          const at = (id: string) => (id === 'x' ? [0, 0] : [...ARMS[id as keyof typeof ARMS]]);
          return [...at(l.fromNodeId), ...at(l.toNodeId)];
        }),
      ),
    },
  };
}
