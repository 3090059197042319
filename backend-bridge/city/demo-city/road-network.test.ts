import { describe, expect, it } from 'vitest';
import type { RoadLink } from '../../protocol';
import { polylineLengthM } from '../../../common/geo/planar-measures';
import { generateDemoCity } from './generate-demo-city';
import { planLayout } from './layout';

const city = generateDemoCity();
const { nodes, links, devices } = city.meta;
const river = planLayout(city.meta.seed!).river;
const nodeById = new Map(nodes.map((n) => [n.id, n]));
const node = (id: string) => {
  const found = nodeById.get(id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};

/** Node ids reachable from `start` following links from `end` to `other` end. */
function reachable(start: string, end: 'fromNodeId' | 'toNodeId'): Set<string> {
  const other = end === 'fromNodeId' ? 'toNodeId' : 'fromNodeId';
  const next = new Map<string, string[]>();
  for (const link of links) next.set(link[end], [...(next.get(link[end]) ?? []), link[other]]);
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const id of next.get(queue.pop()!) ?? []) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}

const crossesWater = (link: RoadLink) => {
  const a = node(link.fromNodeId);
  const b = node(link.toNodeId);
  return river.segmentIsWet(a.xM, a.yM, b.xM, b.yM);
};

describe('the demo road network', () => {
  it('is strongly connected: every node reaches every other and is reached from it', () => {
    const start = nodes[0]!.id;
    expect(reachable(start, 'fromNodeId').size).toBe(nodes.length);
    expect(reachable(start, 'toNodeId').size).toBe(nodes.length);
  });

  it('has two directed links, one each way, for every road segment', () => {
    const ids = new Set(links.map((l) => `${l.fromNodeId}>${l.toNodeId}`));
    expect(ids.size).toBe(links.length);
    for (const link of links) expect(ids.has(`${link.toNodeId}>${link.fromNodeId}`)).toBe(true);
  });

  it('gives every link a length within 1 % of its shape and of the distance between its nodes', () => {
    const { pointStart, xyM } = city.linkShapes;
    links.forEach((link, i) => {
      const shapeM = polylineLengthM(xyM, pointStart[i]!, pointStart[i + 1]!);
      const a = node(link.fromNodeId);
      const b = node(link.toNodeId);
      expect(Math.abs(shapeM - link.lengthM) / link.lengthM, link.id).toBeLessThan(0.01);
      expect(Math.abs(Math.hypot(b.xM - a.xM, b.yM - a.yM) - link.lengthM), link.id).toBeLessThan(0.1);
    });
  });

  it('crosses the river only on north–south bridges, on several roads', () => {
    const crossings = links.filter(crossesWater);
    for (const link of crossings) {
      expect(node(link.fromNodeId).xM, link.id).toBe(node(link.toNodeId).xM);
      expect(link.name.zh, link.id).toMatch(/大桥$|环/);
    }
    const bridgedEastings = new Set(crossings.map((l) => node(l.fromNodeId).xM));
    expect(bridgedEastings.size).toBeGreaterThanOrEqual(6);
  });

  it('closes both ring expressways into loops of faster, wider roads', () => {
    const ring = links.filter((l) => l.roadClass === 'expressway');
    const degree = new Map<string, number>();
    for (const link of ring) degree.set(link.fromNodeId, (degree.get(link.fromNodeId) ?? 0) + 1);
    // Each ring node leads on to two ring neighbours: one loop per ring, no dead ends.
    expect([...degree.values()].every((d) => d === 2)).toBe(true);
    expect(new Set(ring.map((l) => l.name.en))).toEqual(new Set(['Inner Ring Expressway', 'Outer Ring Expressway']));
    for (const link of ring) {
      expect(link.freeSpeedKmh).toBe(80);
      expect(link.lanes).toBeGreaterThanOrEqual(3);
    }
    const ringNodes = [...degree.keys()];
    const inner = ringNodes.filter((id) => ring.some((l) => l.fromNodeId === id && l.name.en.startsWith('Inner')));
    expect(reachableWithin(inner[0]!, ring).size).toBe(inner.length);
  });

  it('sizes links realistically: capacity is lanes × a per-lane saturation flow that falls with road class', () => {
    const perLane = { expressway: [2000, 2000], arterial: [1800, 1900], collector: [1500, 1500], local: [0, 0] };
    const speeds = { expressway: [80], arterial: [50, 60], collector: [40], local: [] };
    for (const link of links) {
      const [min, max] = perLane[link.roadClass];
      expect(link.capacityVehPerH / link.lanes, link.id).toBeGreaterThanOrEqual(min!);
      expect(link.capacityVehPerH / link.lanes, link.id).toBeLessThanOrEqual(max!);
      expect(speeds[link.roadClass], link.id).toContain(link.freeSpeedKmh);
    }
    expect(new Set(links.map((l) => l.roadClass))).toEqual(new Set(['expressway', 'arterial', 'collector']));
  });

  it('signals only real crossings, and leaves edge nodes as single-road entry and exit points', () => {
    const neighbours = new Map<string, Set<string>>();
    for (const l of links) neighbours.set(l.fromNodeId, (neighbours.get(l.fromNodeId) ?? new Set()).add(l.toNodeId));
    const { minXM, maxXM, minYM, maxYM } = edgeBox();
    for (const n of nodes) {
      const count = neighbours.get(n.id)?.size ?? 0;
      const onEdge = n.xM === minXM || n.xM === maxXM || n.yM === minYM || n.yM === maxYM;
      if (onEdge) expect({ id: n.id, count, signalized: n.signalized }).toEqual({ id: n.id, count: 1, signalized: false });
      if (n.signalized) expect(count, n.id).toBeGreaterThanOrEqual(3);
      expect(n.name?.zh, n.id).toMatch(/.\/.|出入口$/);
    }
    expect(nodes.filter((n) => n.signalized).length).toBeGreaterThanOrEqual(300);
  });

  it('watches every signalized intersection with a camera and its arterial approaches with loop detectors', () => {
    const cameraNodes = new Set(devices.filter((d) => d.kind === 'camera').map((d) => d.nodeId));
    for (const n of nodes.filter((n) => n.signalized)) expect(cameraNodes.has(n.id), n.id).toBe(true);
    const linkById = new Map(links.map((l) => [l.id, l]));
    const loops = devices.filter((d) => d.kind === 'loop-detector');
    expect(loops.length).toBeGreaterThan(0);
    for (const loop of loops) {
      const link = linkById.get(loop.linkId ?? '');
      expect(link?.roadClass, loop.id).toBe('arterial');
      expect(node(link!.toNodeId).signalized, loop.id).toBe(true);
    }
  });
});

function reachableWithin(start: string, subset: RoadLink[]): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const l of subset) {
      if (l.fromNodeId === id && !seen.has(l.toNodeId)) {
        seen.add(l.toNodeId);
        queue.push(l.toNodeId);
      }
    }
  }
  return seen;
}

/** The extent of the node grid: edge nodes lie on its sides. */
function edgeBox() {
  const xs = nodes.map((n) => n.xM);
  const ys = nodes.map((n) => n.yM);
  return { minXM: Math.min(...xs), maxXM: Math.max(...xs), minYM: Math.min(...ys), maxYM: Math.max(...ys) };
}
