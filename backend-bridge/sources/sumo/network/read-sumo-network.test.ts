import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { craftedNetXml, edgeXml, tempFolder } from './crafted-net.fixture';
import { readSumoNetwork } from './read-sumo-network';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.cleanup());

const read = (xml: string, extra: Partial<Parameters<typeof readSumoNetwork>[0]> = {}) =>
  readSumoNetwork({ netFile: folder.write('town.net.xml', xml), ...extra });

/** Cologne's own <location>: UTM zone 32, as in the RESCO cologne nets. */
const COLOGNE_LOCATION =
  '<location netOffset="-342498.65,-5630866.92" convBoundary="11500.00,13200.00,11700.00,13400.00" origBoundary="6.1,50.7,7.3,51.8" projParameter="+proj=utm +zone=32 +ellps=WGS84 +datum=WGS84 +units=m +no_defs"/>';

describe('readSumoNetwork on crafted networks', () => {
  it('turns junctions into nodes and car edges into directed links with lanes, km/h and a capacity by speed class', () => {
    const { city, warnings } = read(craftedNetXml());
    const ids = city.meta.nodes.map((node) => node.id).sort();
    expect(ids).toEqual(['C', 'E', 'N', 'S', 'W']);
    expect(city.meta.links).toHaveLength(8);
    const link = city.meta.links.find((l) => l.id === 'Nin')!;
    expect(link).toMatchObject({ fromNodeId: 'N', toNodeId: 'C', lanes: 2, lengthM: 100, freeSpeedKmh: 50, roadClass: 'arterial', capacityVehPerH: 3600 });
    expect(city.meta.devices).toEqual([]);
    expect(city.meta.water).toEqual([]);
    expect(city.meta.buildingCount).toBe(0);
    expect(city.linkShapes.pointStart).toHaveLength(9);
    expect(warnings).toEqual([]);
  });

  it('skips internal junctions and the :-prefixed internal edges', () => {
    const { city } = read(craftedNetXml());
    expect(city.meta.nodes.some((node) => node.id.startsWith(':'))).toBe(false);
    expect(city.meta.links.some((link) => link.id.startsWith(':'))).toBe(false);
  });

  it('keeps the default city clock for a net placed nowhere', () => {
    expect(read(craftedNetXml()).city.meta.timeZone).toBe('Asia/Shanghai');
  });

  it('places a net without a projection at the configured origin, centred on its boundary', () => {
    const { city } = read(craftedNetXml(), { origin: { lonDeg: 121.47, latDeg: 31.23 } });
    expect(city.meta.origin).toEqual({ lonDeg: 121.47, latDeg: 31.23 });
    expect(city.meta.timeZone).toBe('Asia/Shanghai');
    const north = city.meta.nodes.find((node) => node.id === 'N')!;
    expect([north.xM, north.yM]).toEqual([0, 100]);
  });

  it('projects a net with a proj4 projParameter through netOffset onto the globe', () => {
    const { city } = read(craftedNetXml({ location: COLOGNE_LOCATION, shift: [11500, 13200] }));
    expect(city.meta.origin.lonDeg).toBeCloseTo(6.93, 1);
    expect(city.meta.origin.latDeg).toBeCloseTo(50.93, 1);
    // The clock is the place's own unless configured.
    expect(city.meta.timeZone).toBe('Europe/Berlin');
    expect(read(craftedNetXml({ location: COLOGNE_LOCATION, shift: [11500, 13200] }), { timeZone: 'Asia/Tokyo' }).city.meta.timeZone).toBe('Asia/Tokyo');
    const north = city.meta.nodes.find((node) => node.id === 'N')!;
    // 100 m north of the centre in UTM is 100 m north in the local frame, give or take the grid's convergence.
    expect(Math.hypot(north.xM, north.yM)).toBeCloseTo(100, 0);
    expect(north.yM).toBeGreaterThan(99);
  });

  it('reads a left-hand net: the flag is kept and each link is drawn on the left of its direction of travel', () => {
    const right = read(craftedNetXml());
    const left = read(craftedNetXml({ lefthand: true }));
    expect(right.lefthand).toBe(false);
    expect(left.lefthand).toBe(true);
    // Nin runs south from N: right-hand traffic keeps west of the centreline, left-hand east.
    const firstX = (network: typeof left) => network.city.linkShapes.xyM[2 * network.city.meta.links.findIndex((l) => l.id === 'Nin')]!;
    expect(firstX(right)).toBeCloseTo(-3.2, 3);
    expect(firstX(left)).toBeCloseTo(3.2, 3);
  });

  it('skips an edge without lanes with a warning naming it', () => {
    const { city, warnings } = read(craftedNetXml({ extra: '<edge id="ghost" from="N" to="E" priority="1"/>' }));
    expect(city.meta.links.some((link) => link.id === 'ghost')).toBe(false);
    expect(warnings).toContain('ghost: edge has no lanes; it is left out');
  });

  it('leaves out edges no car may use, and does not count sidewalks as lanes', () => {
    const footway = edgeXml('path', 'N', 'E', [100, 200], [200, 100]).replace(/<lane /g, '<lane allow="pedestrian" ');
    const withSidewalk = edgeXml('Nin', 'N', 'C', [100, 200], [100, 100]).replace('<lane ', '<lane allow="pedestrian" ');
    const { city, warnings } = read(craftedNetXml({ extra: footway }).replace(edgeXml('Nin', 'N', 'C', [100, 200], [100, 100]), withSidewalk));
    expect(city.meta.links.some((link) => link.id === 'path')).toBe(false);
    expect(warnings.join('\n')).toMatch(/1 edge\(s\) no car may use .*: path/);
    expect(city.meta.links.find((link) => link.id === 'Nin')!.lanes).toBe(1);
  });

  it('gives a junction cluster with a long, #-laden id a valid node id that maps back to SUMO, and hangs its traffic light on it', () => {
    const clusterId = 'cluster_309733003_3214708408_3214708428_3259525887_3259525888_357183#2';
    const extra = `
      <tlLogic id="GS_${clusterId}" type="static" programID="0" offset="0">
        <phase duration="30" state="Gr"/><phase duration="3" state="yr"/><phase duration="30" state="rG"/><phase duration="3" state="ry"/>
      </tlLogic>
      <connection from="Nin" to="Sout" fromLane="0" toLane="0" tl="GS_${clusterId}" linkIndex="0" dir="s" state="o"/>
      <connection from="Ein" to="Wout" fromLane="0" toLane="0" tl="GS_${clusterId}" linkIndex="1" dir="s" state="o"/>`;
    const network = read(craftedNetXml({ centreId: clusterId, centreType: 'traffic_light', extra }));
    const cluster = network.city.meta.nodes.find((node) => network.nodeIds.sumoIdOf(node.id) === clusterId)!;
    expect(cluster.id).toMatch(/^[A-Za-z0-9_.:-]{1,64}$/);
    expect(cluster.signalized).toBe(true);
    expect(network.programs).toHaveLength(1);
    expect(network.programs[0]!.plan.nodeId).toBe(cluster.id);
    expect(network.programs[0]!.tlId).toBe(`GS_${clusterId}`);
  });

  it('builds a grid of districts named by position in both languages, and every node and link lies in one', () => {
    const { city } = read(craftedNetXml(), { gridCellM: 100 });
    expect(city.meta.districts.map((d) => d.id)).toEqual(['grid-A1', 'grid-B1', 'grid-A2', 'grid-B2']);
    expect(city.meta.districts[0]!.name).toEqual({ zh: '西北 A1', en: 'North-west A1' });
    expect(city.meta.nodes.find((node) => node.id === 'N')!.districtId).toMatch(/^grid-[AB]1$/);
    expect(city.meta.nodes.find((node) => node.id === 'S')!.districtId).toMatch(/^grid-[AB]2$/);
  });

  it('takes districts from a GeoJSON file when one is given', () => {
    const ring = [[-0.01, -0.01], [0.01, -0.01], [0.01, 0.01], [-0.01, 0.01], [-0.01, -0.01]];
    const districtsFile = folder.write(
      'districts.geojson',
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'old-town', nameZh: '老城', nameEn: 'Old Town' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }),
    );
    const { city } = read(craftedNetXml(), { districtsFile });
    expect(city.meta.districts.map((d) => d.id)).toEqual(['old-town']);
    expect(new Set(city.meta.links.map((link) => link.districtId))).toEqual(new Set(['old-town']));
  });

  it('reads buildings from a .poly.xml, with a height where given, and ignores other polygons', () => {
    const polyFile = folder.write(
      'town.poly.xml',
      `<additional>
        <poly id="b1" type="building" color="red" fill="1" layer="-1" shape="10,10 30,10 30,30 10,30 10,10"><param key="height" value="24"/></poly>
        <poly id="b2" type="building.yes" shape="50,50 50,60 60,60"/>
        <poly id="park" type="landuse.grass" shape="0,0 5,0 5,5"/>
      </additional>`,
    );
    const { city } = read(craftedNetXml(), { polyFile });
    expect(city.meta.buildingCount).toBe(2);
    expect(Array.from(city.buildings.heightM)).toEqual([24, 10]);
    expect(Array.from(city.buildings.ringStart)).toEqual([0, 4, 7]);
    expect(Array.from(city.buildings.xyM.slice(0, 2))).toEqual([-90, -90]);
  });

  it('fills every field of the city meta the way the city checks want it', () => {
    const { city } = read(craftedNetXml(), { id: 'town', name: { zh: '小镇', en: 'Town' }, timeZone: 'Europe/Berlin' });
    expect(city.meta).toMatchObject({ id: 'town', name: { zh: '小镇', en: 'Town' }, timeZone: 'Europe/Berlin', version: '' });
    expect(city.meta.bounds.minXM).toBeLessThanOrEqual(-100);
    expect(city.meta.bounds.maxYM).toBeGreaterThanOrEqual(100);
  });
});

describe('readSumoNetwork on broken files', () => {
  it('names the file and the element when a lane has no shape', () => {
    const xml = craftedNetXml().replace(/(<edge id="Nin"[^>]*><lane [^>]*?) shape="[^"]*"/, '$1');
    expect(() => read(xml)).toThrow('town.net.xml: <edge id="Nin">: lane 0 has no shape');
  });

  it('names the file and the junction when a required attribute is missing', () => {
    const xml = craftedNetXml().replace('<junction id="N" type="dead_end" x="100"', '<junction id="N" type="dead_end"');
    expect(() => read(xml)).toThrow('town.net.xml: <junction id="N">: needs attribute x');
  });

  it('names the file and the line when the XML is not well-formed', () => {
    expect(() => read(craftedNetXml().replace('</net>', ''))).toThrow(/town\.net\.xml: not well-formed XML: \d+:\d+/);
  });

  it('names the location when the projection is not one proj4 knows', () => {
    const xml = craftedNetXml({ location: '<location netOffset="0,0" convBoundary="0,0,200,200" origBoundary="0,0,1,1" projParameter="+proj=nonsense"/>' });
    expect(() => read(xml)).toThrow(/town\.net\.xml: <location>: projParameter is not a projection proj4 knows/);
  });

  it('names an edge whose end is no junction', () => {
    const xml = craftedNetXml({ extra: edgeXml('stray', 'N', 'nowhere', [100, 200], [300, 300]) });
    expect(() => read(xml)).toThrow('town.net.xml: <edge id="stray">: names no junction "nowhere"');
  });

  it('says so when the file does not exist', () => {
    expect(() => readSumoNetwork({ netFile: `${folder.dir}/missing.net.xml` })).toThrow(/missing\.net\.xml: no such file/);
  });
});
