import { describe, expect, it } from 'vitest';
import { ringHolds } from '../../../common/geo/ring-locator';
import { vertexMean } from '../../../common/geo/planar-measures';
import { generateDemoCity } from './generate-demo-city';
import { planLayout } from './layout';

const city = generateDemoCity();
const { districts, bounds } = city.meta;
const river = planLayout(city.meta.seed!).river;
const { ringStart, xyM, district } = city.buildings;

/** Indexes of every district whose outline holds the point. */
const holders = (xM: number, yM: number) =>
  districts.flatMap((d, i) => (ringHolds(d.ringM, xM, yM) ? [i] : []));

describe('the demo districts', () => {
  it('are 9 to 12, named in Chinese and English, with a population', () => {
    expect(districts.length).toBeGreaterThanOrEqual(9);
    expect(districts.length).toBeLessThanOrEqual(12);
    for (const d of districts) {
      expect(d.name.zh, d.id).toMatch(/[区新]/);
      expect(d.name.en, d.id).toMatch(/^[A-Z][A-Za-z -]+$/);
      expect(d.populationThousands, d.id).toBeGreaterThan(50);
    }
  });

  it('tile the city: every sampled point of the bounds lies in exactly one district', () => {
    const stepM = 61; // not a divisor of any grid spacing, so samples land all over the blocks
    const misplaced: string[] = [];
    for (let x = bounds.minXM + 1; x < bounds.maxXM; x += stepM) {
      for (let y = bounds.minYM + 1; y < bounds.maxYM; y += stepM) {
        const found = holders(x, y);
        if (found.length !== 1) misplaced.push(`(${x}, ${y}) in ${found.length}`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('each hold their own label point', () => {
    districts.forEach((d, i) => expect(holders(...d.labelM), d.id).toEqual([i]));
  });

  it('hold every building whose centre lies in them, and only those', () => {
    const misplaced: string[] = [];
    for (let i = 0; i < district.length; i++) {
      const found = holders(...vertexMean(xyM, ringStart[i]!, ringStart[i + 1]!));
      if (found.length !== 1 || found[0] !== district[i]) misplaced.push(`building ${i} in [${found}], recorded ${district[i]}`);
    }
    expect(misplaced).toEqual([]);
  });

  it('are the districts recorded for every node, link centre and device', () => {
    const idAt = (xM: number, yM: number) => holders(xM, yM).map((i) => districts[i]!.id);
    const nodeById = new Map(city.meta.nodes.map((n) => [n.id, n]));
    for (const n of city.meta.nodes) expect(idAt(n.xM, n.yM), n.id).toEqual([n.districtId]);
    for (const d of city.meta.devices) expect(idAt(d.xM, d.yM), d.id).toEqual([d.districtId]);
    for (const l of city.meta.links) {
      const a = nodeById.get(l.fromNodeId)!;
      const b = nodeById.get(l.toNodeId)!;
      expect(idAt((a.xM + b.xM) / 2, (a.yM + b.yM) / 2), l.id).toEqual([l.districtId]);
    }
  });

  it('split the river between north and south bank districts', () => {
    const north = new Set(['shangcheng', 'gongchen', 'dongxin']);
    const south = new Set(['binjiang', 'zhijiang', 'wangjiang']);
    for (let x = -4000; x <= 4000; x += 500) {
      const bank = river.halfWidthM(x) + 1;
      const idAbove = districts[holders(x, river.centreYM(x) + bank)[0]!]!.id;
      const idBelow = districts[holders(x, river.centreYM(x) - bank)[0]!]!.id;
      expect(north.has(idAbove), `north bank at ${x}`).toBe(true);
      expect(south.has(idBelow), `south bank at ${x}`).toBe(true);
    }
  });
});

describe('the river', () => {
  it('holds no node and no building vertex', () => {
    for (const n of city.meta.nodes) expect(river.isWet(n.xM, n.yM), n.id).toBe(false);
    const wetVertices = [];
    for (let v = 0; v < xyM.length / 2; v++) if (river.isWet(xyM[2 * v]!, xyM[2 * v + 1]!)) wetVertices.push(v);
    expect(wetVertices).toEqual([]);
  });

  it('is 250 to 400 m wide and flows across the whole city from west to east', () => {
    for (let x = bounds.minXM; x <= bounds.maxXM; x += 100) {
      expect(2 * river.halfWidthM(x)).toBeGreaterThanOrEqual(250);
      expect(2 * river.halfWidthM(x)).toBeLessThanOrEqual(400);
      expect(river.isWet(x, river.centreYM(x))).toBe(true);
    }
  });
});
