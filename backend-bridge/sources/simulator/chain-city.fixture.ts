/**
 * A straight road for tests: nodes n0 … nN from west to east, one eastbound
 * link l1 … lN between each pair. n0 and nN are boundary nodes (traffic
 * enters at n0 and leaves at nN); nobody lives along the road, so no trips
 * start at the interior nodes.
 */
import type { CityModel } from '../../city/city-model';
import { CITY_FORMAT_VERSION, type RoadLink } from '../../protocol';

export type ChainLink = Pick<RoadLink, 'lengthM' | 'lanes' | 'freeSpeedKmh' | 'capacityVehPerH'>;

/** @param signalized indices of the interior nodes that get a signal */
export function chainCity(links: readonly ChainLink[], signalized: readonly number[] = []): CityModel {
  const xs = links.reduce((acc, link) => [...acc, acc[acc.length - 1]! + link.lengthM], [0]);
  const name = (text: string) => ({ zh: text, en: text });
  const maxXM = xs[xs.length - 1]!;
  return {
    meta: {
      formatVersion: CITY_FORMAT_VERSION,
      id: 'chain',
      name: name('Chain'),
      version: 'chain-1',
      origin: { lonDeg: 120.19, latDeg: 30.26 },
      timeZone: 'Asia/Shanghai',
      bounds: { minXM: -10, minYM: -10, maxXM: maxXM + 10, maxYM: 10 },
      districts: [{ id: 'd', name: name('D'), ringM: [[-10, -10], [maxXM + 10, -10], [maxXM + 10, 10], [-10, 10]], labelM: [0, 0], populationThousands: 0 }],
      nodes: xs.map((xM, i) => ({ id: `n${i}`, xM, yM: 0, districtId: 'd', signalized: signalized.includes(i) })),
      links: links.map((link, i) => ({
        id: `l${i + 1}`,
        name: name('Chain Road'),
        fromNodeId: `n${i}`,
        toNodeId: `n${i + 1}`,
        roadClass: 'arterial',
        districtId: 'd',
        ...link,
      })),
      water: [],
      devices: [],
      buildingCount: 0,
    },
    buildings: { ringStart: new Uint32Array([0]), xyM: new Float32Array(0), heightM: new Float32Array(0), district: new Uint16Array(0) },
    linkShapes: {
      pointStart: Uint32Array.from({ length: links.length + 1 }, (_, i) => 2 * i),
      xyM: Float32Array.from(links.flatMap((_, i) => [xs[i]!, 0, xs[i + 1]!, 0])),
    },
  };
}
