import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS } from '../../protocol';
import { signedAreaM2, vertexMean } from '../../../common/geo/planar-measures';
import { DEFAULT_DEMO_SEED, generateDemoCity } from './generate-demo-city';
import { zoneAt, planLayout } from './layout';

const city = generateDemoCity();
const { meta, buildings } = city;
const buildingCount = buildings.heightM.length;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('generateDemoCity', () => {
  it('builds Linjiang at its place on the globe from the default seed, leaving the version to the payload', () => {
    expect(meta.id).toBe('linjiang');
    expect(meta.name).toEqual({ zh: '临江市', en: 'Linjiang' });
    expect(meta.origin).toEqual({ lonDeg: 120.19, latDeg: 30.26 });
    expect(meta.seed).toBe(DEFAULT_DEMO_SEED);
    expect(meta.version).toBe('');
  });

  it('meets the minimum counts of buildings, signals and devices, with every device kind', () => {
    expect(meta.buildingCount).toBe(buildingCount);
    expect(buildingCount).toBeGreaterThanOrEqual(20_000);
    expect(meta.nodes.filter((n) => n.signalized).length).toBeGreaterThanOrEqual(300);
    expect(meta.devices.length).toBeGreaterThanOrEqual(500);
    expect(new Set(meta.devices.map((d) => d.kind))).toEqual(new Set(DEVICE_KINDS));
  });

  it('puts an air-quality station in every district', () => {
    const withStation = new Set(meta.devices.filter((d) => d.kind === 'air-sensor').map((d) => d.districtId));
    expect(withStation).toEqual(new Set(meta.districts.map((d) => d.id)));
  });

  it('draws every footprint as a counter-clockwise ring of at least 3 vertices, not closed by a repeat', () => {
    const { ringStart, xyM } = buildings;
    const bad: number[] = [];
    for (let i = 0; i < buildingCount; i++) {
      const [first, end] = [ringStart[i]!, ringStart[i + 1]!];
      const repeatsFirst = xyM[2 * first] === xyM[2 * end - 2] && xyM[2 * first + 1] === xyM[2 * end - 1];
      if (end - first < 3 || repeatsFirst || !(signedAreaM2(xyM, first, end) > 20)) bad.push(i);
    }
    expect(bad).toEqual([]);
  });

  it('mixes rectangles with rotated, L-shaped and bevelled footprints', () => {
    const vertexCounts = new Set<number>();
    let rotated = 0;
    for (let i = 0; i < buildingCount; i++) {
      const first = buildings.ringStart[i]!;
      vertexCounts.add(buildings.ringStart[i + 1]! - first);
      const dx = buildings.xyM[2 * first + 2]! - buildings.xyM[2 * first]!;
      const dy = buildings.xyM[2 * first + 3]! - buildings.xyM[2 * first + 1]!;
      if (Math.abs(dy) > 0.05 * Math.abs(dx) && Math.abs(dx) > 0.05 * Math.abs(dy)) rotated++;
    }
    expect(vertexCounts).toEqual(new Set([4, 6, 8]));
    expect(rotated).toBeGreaterThan(buildingCount * 0.03);
  });

  it('raises towers of up to about 300 m in the centre, mostly 30–120 m, and keeps the periphery low', () => {
    const layout = planLayout(DEFAULT_DEMO_SEED);
    const heightsIn = { centre: [] as number[], middle: [] as number[], periphery: [] as number[] };
    for (let i = 0; i < buildingCount; i++) {
      const [x, y] = vertexMean(buildings.xyM, buildings.ringStart[i]!, buildings.ringStart[i + 1]!);
      heightsIn[zoneAt(layout, x, y)].push(buildings.heightM[i]!);
    }
    const all = Array.from(buildings.heightM);
    expect(Math.max(...all)).toBeLessThanOrEqual(300);
    expect(Math.max(...all)).toBeGreaterThan(250);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(10);
    const tall = heightsIn.centre.filter((h) => h >= 30);
    expect(tall.filter((h) => h <= 120).length / tall.length).toBeGreaterThan(0.6);
    expect(median(heightsIn.centre)).toBeGreaterThan(median(heightsIn.middle));
    expect(median(heightsIn.middle)).toBeGreaterThan(median(heightsIn.periphery));
    expect(Math.max(...heightsIn.periphery)).toBeLessThanOrEqual(120);
  });

  it('keeps all geometry within the bounds', () => {
    const { minXM, minYM, maxXM, maxYM } = meta.bounds;
    const inside = (x: number, y: number) => x >= minXM && x <= maxXM && y >= minYM && y <= maxYM;
    const points: [number, number][] = [
      ...meta.nodes.map((n): [number, number] => [n.xM, n.yM]),
      ...meta.devices.map((d): [number, number] => [d.xM, d.yM]),
      ...meta.districts.flatMap((d) => [...d.ringM, d.labelM]),
    ];
    for (const xy of [buildings.xyM, city.linkShapes.xyM]) {
      for (let i = 0; i < xy.length; i += 2) points.push([xy[i]!, xy[i + 1]!]);
    }
    expect(points.filter(([x, y]) => !inside(x, y))).toEqual([]);
  });

  it('names roads and intersections in both languages', () => {
    for (const link of meta.links) {
      expect(link.name.zh, link.id).toMatch(/(路|大道|大桥|高架|快速路)$/);
      expect(link.name.en, link.id).toMatch(/ (Road|Avenue|Bridge|Expressway)$/);
    }
    expect(meta.links.map((l) => l.name.zh)).toContain('内环高架');
  });

  it('is the same city for the same seed and another city for another seed', () => {
    const again = generateDemoCity(DEFAULT_DEMO_SEED);
    expect(JSON.stringify(again.meta)).toBe(JSON.stringify(meta));
    expect(Buffer.from(again.buildings.xyM.buffer).equals(Buffer.from(buildings.xyM.buffer))).toBe(true);
    const other = generateDemoCity(7);
    expect(other.meta.seed).toBe(7);
    expect(other.buildings.heightM).not.toEqual(buildings.heightM);
  });

  it('refuses a seed that is not an unsigned 32-bit integer', () => {
    expect(() => generateDemoCity(-3)).toThrow('seed must be an integer in 0..4294967295, got -3');
    expect(() => generateDemoCity(Number.NaN)).toThrow(RangeError);
  });
});
