import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeCityPayload } from '../city-payload';
import { signedAreaM2 } from '../../../common/geo/planar-measures';
import { TrafficSim } from '../../sources/simulator/traffic-sim';
import { type CityFilesSpec, loadCityFiles } from './load-city-files';

const dir = mkdtempSync(join(tmpdir(), 'citybrain-city-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A small town at the demo city's origin: about 1 km on a side, 0.001° ≈ 96 m east, 111 m north.
const LON = 120.19;
const LAT = 30.26;
const at = (east: number, north: number): [number, number] => [LON + east * 0.001, LAT + north * 0.001];
const square = (w: number, s: number, e: number, n: number) => [[at(w, s), at(e, s), at(e, n), at(w, n), at(w, s)]];
const feature = (geometry: object, properties: object) => ({ type: 'Feature', geometry, properties });
const collection = (features: object[]) => ({ type: 'FeatureCollection', features });

const layers = {
  districts: collection([
    feature({ type: 'Polygon', coordinates: square(-5, -5, 0, 5) }, { id: 'west', nameZh: '西区', nameEn: 'West', populationThousands: 12 }),
    feature({ type: 'Polygon', coordinates: square(0, -5, 5, 5) }, { id: 'east', nameZh: '东区', nameEn: 'East' }),
  ]),
  intersections: collection([
    feature({ type: 'Point', coordinates: at(-3, 0) }, { id: 'a' }),
    feature({ type: 'Point', coordinates: at(0, 0) }, { id: 'b', signalized: true, nameZh: '中路口', nameEn: 'Centre' }),
    feature({ type: 'Point', coordinates: at(3, 0) }, { id: 'c' }),
  ]),
  roads: collection([
    feature({ type: 'LineString', coordinates: [at(-3, 0), at(0, 0)] }, { id: 'ab', from: 'a', to: 'b', class: 'arterial', lanes: 2, speedKmh: 50 }),
    // No from/to: both ends snap to the intersections they touch.
    feature({ type: 'LineString', coordinates: [at(0, 0.0001), at(1.5, 0.2), at(3, 0)] }, { id: 'bc', lanes: 3, nameZh: '东路', nameEn: 'East Rd' }),
    // A loose end: a new node, a network entry.
    feature({ type: 'LineString', coordinates: [at(3, 0), at(4, 3)] }, { id: 'c-out', class: 'collector' }),
  ]),
  buildings: collection([
    feature({ type: 'Polygon', coordinates: square(-2, 1, -1.8, 1.2) }, { id: 'tower', height: 120 }),
    // Clockwise, given in floors, two parts.
    feature({ type: 'MultiPolygon', coordinates: [[[at(1, 1), at(1, 1.2), at(1.2, 1.2), at(1.2, 1), at(1, 1)]], square(2, 1, 2.2, 1.2)] }, { floors: 6 }),
    feature({ type: 'Polygon', coordinates: square(5.5, 1, 5.8, 1.2) }, { id: 'across-the-border', height: 10 }),
  ]),
};

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function spec(overrides: Partial<Record<keyof typeof layers, unknown>> = {}): CityFilesSpec {
  const files = Object.fromEntries(
    Object.entries({ ...layers, ...overrides }).map(([layer, content]) => [layer, write(`${layer}-${Math.random().toString(36).slice(2)}.geojson`, content)]),
  ) as Record<keyof typeof layers, string>;
  return {
    id: 'small-town',
    name: { zh: '小镇', en: 'Small Town' },
    box: { westDeg: LON - 0.005, southDeg: LAT - 0.005, eastDeg: LON + 0.005, northDeg: LAT + 0.005 },
    ...files,
  };
}

describe('loadCityFiles', () => {
  const { city, warnings, tilesetFile } = loadCityFiles(spec());
  const { meta } = city;

  it('builds districts in local metres around the centre of the box, with names and label points', () => {
    expect(meta.origin).toEqual({ lonDeg: LON, latDeg: LAT });
    expect(meta.districts.map((d) => [d.id, d.name.en, d.populationThousands])).toEqual([['west', 'West', 12], ['east', 'East', undefined]]);
    const [x, y] = meta.districts[0]!.ringM[0]!;
    expect(x).toBeCloseTo(-481, -1);
    expect(y).toBeCloseTo(-554, -1);
    expect(meta.districts[0]!.labelM[0]).toBeLessThan(0);
  });

  it('builds the road graph: given ends, snapped ends, and a new node at a loose end', () => {
    expect(meta.nodes.map((n) => [n.id, n.signalized, n.districtId])).toEqual([
      ['a', false, 'west'],
      ['b', true, 'east'],
      ['c', false, 'east'],
      ['c-out:end', false, 'east'],
    ]);
    expect(meta.nodes[1]!.name).toEqual({ zh: '中路口', en: 'Centre' });
    expect(meta.links.map((l) => [l.id, l.fromNodeId, l.toNodeId])).toEqual([['ab', 'a', 'b'], ['bc', 'b', 'c'], ['c-out', 'c', 'c-out:end']]);
  });

  it('reads lanes, speed and class, with defaults by class, and measures lengths along the shape', () => {
    const [ab, bc, out] = meta.links;
    expect(ab).toMatchObject({ roadClass: 'arterial', lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600, name: { zh: 'ab', en: 'ab' } });
    expect(ab!.lengthM).toBeCloseTo(288, -1);
    expect(bc).toMatchObject({ roadClass: 'local', lanes: 3, freeSpeedKmh: 30, capacityVehPerH: 3600, name: { en: 'East Rd' } });
    expect(bc!.lengthM).toBeGreaterThan(288);
    expect(out).toMatchObject({ roadClass: 'collector', lanes: 1, freeSpeedKmh: 40, capacityVehPerH: 1500 });
    expect(Array.from(city.linkShapes.pointStart)).toEqual([0, 2, 5, 7]);
  });

  it('makes one counter-clockwise building per polygon, from height or floors, and leaves out those outside the box', () => {
    expect(meta.buildingCount).toBe(3);
    expect(Array.from(city.buildings.heightM)).toEqual([120, 18, 18]);
    expect(Array.from(city.buildings.district)).toEqual([0, 1, 1]);
    for (let i = 0; i < 3; i++) {
      expect(signedAreaM2(city.buildings.xyM, city.buildings.ringStart[i]!, city.buildings.ringStart[i + 1]!)).toBeGreaterThan(0);
    }
    expect(warnings).toEqual(['buildings: 1 feature outside the city box (across-the-border); they are left out']);
    expect(tilesetFile).toBeNull();
  });

  it("keeps the city's time zone, China's when the config names none", () => {
    expect(meta.timeZone).toBe('Asia/Shanghai');
    expect(loadCityFiles({ ...spec(), timeZone: 'Europe/Berlin' }).city.meta.timeZone).toBe('Europe/Berlin');
  });

  it('yields a city the bridge can serve and the simulator can run', () => {
    expect(encodeCityPayload(city).meta.version).toMatch(/^[0-9a-f]{12}$/);
    expect(() => new TrafficSim(city, { seed: 1, warmUpS: 0 })).not.toThrow();
  });
});

describe('loadCityFiles refuses bad files, naming the file and the feature', () => {
  it('a missing file or one that is not a FeatureCollection', () => {
    expect(() => loadCityFiles({ ...spec(), roads: join(dir, 'nope.geojson') })).toThrow(`roads file ${join(dir, 'nope.geojson')}: no such file`);
    expect(() => loadCityFiles(spec({ roads: { type: 'Feature' } }))).toThrow('expected a GeoJSON FeatureCollection, got "Feature"');
    expect(() => loadCityFiles(spec({ roads: '{ "type": ' }))).toThrow(/roads file .*: Unexpected end of JSON input/);
  });

  it('a feature with the wrong geometry or a bad property', () => {
    const point = feature({ type: 'Point', coordinates: at(0, 0) }, { id: 'p1' });
    expect(() => loadCityFiles(spec({ roads: collection([point]) }))).toThrow(/roads file .*: features\[0\] \(id "p1"\): expected a LineString geometry, got Point/);
    const noHeight = feature({ type: 'Polygon', coordinates: square(0, 0, 0.1, 0.1) }, { id: 'shed' });
    expect(() => loadCityFiles(spec({ buildings: collection([noHeight]) }))).toThrow('features[0] (id "shed"): needs properties.height (metres) or properties.floors');
    const badLanes = feature({ type: 'LineString', coordinates: [at(-3, 0), at(0, 0)] }, { id: 'x', lanes: 0 });
    expect(() => loadCityFiles(spec({ roads: collection([badLanes]) }))).toThrow('features[0] (id "x"): properties.lanes: must be ≥ 1, got 0');
    expect(() => loadCityFiles(spec({ intersections: collection([feature({ type: 'Point', coordinates: [500, 0] }, { id: 'far' })]) }))).toThrow(
      'features[0] (id "far"): position [500, 0] is not a longitude and latitude',
    );
  });

  it('a road naming an intersection that does not exist, or a duplicate id', () => {
    const road = feature({ type: 'LineString', coordinates: [at(-3, 0), at(0, 0)] }, { id: 'r', from: 'a', to: 'zz' });
    expect(() => loadCityFiles(spec({ roads: collection([road]) }))).toThrow('features[0] (id "r"): properties.to names no intersection: "zz"');
    const twice = layers.intersections.features.concat([feature({ type: 'Point', coordinates: at(1, 1) }, { id: 'a' })]);
    expect(() => loadCityFiles(spec({ intersections: collection(twice) }))).toThrow('features[3] (id "a"): duplicate id "a"');
  });

  it('roads or intersections outside the city box, listing every one', () => {
    const outside = [1, 2].map((i) => feature({ type: 'LineString', coordinates: [at(3, 0), at(9, i)] }, { id: `far-${i}` }));
    expect(() => loadCityFiles(spec({ roads: collection([...layers.roads.features, ...outside]) }))).toThrow(
      'roads: 2 features outside the city box (far-1, far-2); every district, intersection and road must lie inside the city box',
    );
  });

  it('a tileset that is not a 3D Tiles tileset', () => {
    const tileset = write('tileset.json', { asset: {} });
    expect(() => loadCityFiles({ ...spec(), tileset })).toThrow(`tileset ${tileset}: not a 3D Tiles tileset.json`);
    const good = write('good-tileset.json', { asset: { version: '1.0' }, root: {} });
    expect(loadCityFiles({ ...spec(), tileset: good }).tilesetFile).toBe(good);
  });
});
