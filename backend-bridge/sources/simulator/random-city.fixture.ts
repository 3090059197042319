/**
 * Random small road networks for property tests, reproducible from a seed:
 * a strongly connected directed graph (a cycle through every interior node
 * plus random extra links, some one-way), a few boundary nodes hanging off
 * it, random signals, lanes, speeds and capacities, two districts.
 */
import type { CityModel } from '../../city/city-model';
import { Prng } from '../../city/prng';
import { CITY_FORMAT_VERSION, type RoadLink, type RoadNode } from '../../protocol';

const SIZE_M = 3000;

export function randomCity(seed: number): CityModel {
  const rng = new Prng(seed, 'random-city');
  const interior = rng.int(3, 12);
  const boundary = rng.int(0, 3);
  const name = (text: string) => ({ zh: text, en: text });
  const districtAt = (xM: number) => (xM < SIZE_M / 2 ? 'west' : 'east');
  const nodes: RoadNode[] = Array.from({ length: interior + boundary }, (_, i) => {
    const xM = Math.round(rng.float(0, SIZE_M));
    return { id: `n${i}`, xM, yM: Math.round(rng.float(0, SIZE_M)), districtId: districtAt(xM), signalized: i < interior && rng.chance(0.5) };
  });

  const pairs = new Set<string>();
  const links: RoadLink[] = [];
  const link = (from: number, to: number) => {
    const key = `${from}>${to}`;
    if (from === to || pairs.has(key)) return;
    pairs.add(key);
    const [a, b] = [nodes[from]!, nodes[to]!];
    const lanes = rng.int(1, 4);
    links.push({
      id: `l${links.length}`,
      name: name(`Road ${links.length}`),
      fromNodeId: a.id,
      toNodeId: b.id,
      roadClass: 'arterial',
      lanes,
      lengthM: Math.max(10, Math.round(Math.hypot(b.xM - a.xM, b.yM - a.yM))),
      freeSpeedKmh: rng.pick([30, 40, 50, 60, 80]),
      capacityVehPerH: lanes * rng.int(1200, 2000),
      districtId: districtAt((a.xM + b.xM) / 2),
    });
  };
  const order = rng.shuffle(Array.from({ length: interior }, (_, i) => i));
  order.forEach((node, i) => link(node, order[(i + 1) % interior]!));
  for (let extra = rng.int(0, 2 * interior); extra > 0; extra--) {
    const [from, to] = [rng.int(0, interior - 1), rng.int(0, interior - 1)];
    link(from, to);
    if (rng.chance(0.7)) link(to, from);
  }
  for (let b = interior; b < interior + boundary; b++) {
    const attachedTo = rng.int(0, interior - 1);
    link(b, attachedTo);
    link(attachedTo, b);
  }

  const half = SIZE_M / 2;
  const ring = (x0: number, x1: number): [number, number][] => [[x0, -1], [x1, -1], [x1, SIZE_M + 1], [x0, SIZE_M + 1]];
  return {
    meta: {
      formatVersion: CITY_FORMAT_VERSION,
      id: `random-${seed}`,
      name: name('Random'),
      version: `random-${seed}`,
      origin: { lonDeg: 120.19, latDeg: 30.26 },
      timeZone: 'Asia/Shanghai',
      bounds: { minXM: -1, minYM: -1, maxXM: SIZE_M + 1, maxYM: SIZE_M + 1 },
      districts: [
        { id: 'west', name: name('West'), ringM: ring(-1, half), labelM: [half / 2, half], populationThousands: rng.int(0, 200) },
        { id: 'east', name: name('East'), ringM: ring(half, SIZE_M + 1), labelM: [1.5 * half, half], populationThousands: rng.int(0, 200) },
      ],
      nodes,
      links,
      water: [],
      devices: [],
      buildingCount: 0,
    },
    buildings: { ringStart: new Uint32Array([0]), xyM: new Float32Array(0), heightM: new Float32Array(0), district: new Uint16Array(0) },
    linkShapes: {
      pointStart: Uint32Array.from({ length: links.length + 1 }, (_, i) => 2 * i),
      xyM: Float32Array.from(links.flatMap((l) => {
        const [a, b] = [nodes.find((n) => n.id === l.fromNodeId)!, nodes.find((n) => n.id === l.toNodeId)!];
        return [a.xM, a.yM, b.xM, b.yM];
      })),
    },
  };
}
