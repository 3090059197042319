/**
 * The static city model as served over HTTP by the bridge:
 *   GET /city/meta.json      CityMeta (JSON): districts, nodes, links, devices
 *   GET /city/buildings.bin  typed-array bundle, BUILDINGS_SCHEMA
 *   GET /city/links.bin      typed-array bundle, LINK_SHAPES_SCHEMA
 *
 * All geometry is in local metres east (x) and north (y) of `origin`, a
 * tangent plane small enough for a city; clients place it on the globe.
 */
import { type Checker, ValidationError, arrayOf, bool, num, object, oneOf, optional, str } from './check';
import { type Bundle, decodeBundle } from './typed-bundle';

export const CITY_FORMAT_VERSION = 1;

/** Largest seed of a generated city and its simulation: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

export const DEVICE_KINDS = ['camera', 'loop-detector', 'fire-alarm', 'air-sensor'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const ROAD_CLASSES = ['expressway', 'arterial', 'collector', 'local'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/**
 * The time zone of a city that names none: the demo city and every city this
 * product has served so far are in China (no daylight saving).
 */
export const DEFAULT_CITY_TIME_ZONE = 'Asia/Shanghai';

/** An IANA time zone name this platform knows, e.g. `Asia/Shanghai`. */
export const timeZoneChecker: Checker<string> = (value, path) => {
  const zone = str({ minLength: 1, maxLength: 64 })(value, path);
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ValidationError(path, `is not a known IANA time zone: ${JSON.stringify(zone)}`);
  }
  return zone;
};

const id = str({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_.:-]+$/ });
const name = object({ zh: str({ minLength: 1, maxLength: 128 }), en: str({ minLength: 1, maxLength: 128 }) });
const metres = num({ min: -1e6, max: 1e6 });
const point = (value: unknown, path: string): [number, number] => {
  const [x, y] = arrayOf(metres, { maxLength: 2 })(value, path);
  if (x === undefined || y === undefined) throw new ValidationError(path, 'expected [xM, yM]');
  return [x, y];
};

const districtChecker = object({
  id,
  name,
  /** Outline as a closed ring of [xM, yM] (first point not repeated). */
  ringM: arrayOf(point, { maxLength: 100_000 }),
  /** Where the label goes, [xM, yM]. */
  labelM: point,
  populationThousands: optional(num({ min: 0 })),
});
export type District = ReturnType<typeof districtChecker>;

const waterChecker = object({
  id,
  name,
  /** Outline of the water surface as a closed ring of [xM, yM] (first point not repeated). */
  ringM: arrayOf(point, { maxLength: 100_000 }),
});
/** A river or lake, drawn under the city. */
export type WaterBody = ReturnType<typeof waterChecker>;

const nodeChecker = object({
  id,
  name: optional(name),
  xM: metres,
  yM: metres,
  districtId: id,
  /** True for intersections controlled by a traffic signal. */
  signalized: bool,
});
/** A node of the road graph: an intersection, or a network entry point. */
export type RoadNode = ReturnType<typeof nodeChecker>;

const linkChecker = object({
  id,
  /** Road name, shared by every link of the road. */
  name,
  fromNodeId: id,
  toNodeId: id,
  roadClass: oneOf(ROAD_CLASSES),
  lanes: num({ integer: true, min: 1, max: 12 }),
  lengthM: num({ min: 1, max: 100_000 }),
  freeSpeedKmh: num({ min: 5, max: 140 }),
  /** Saturation capacity of the whole link, vehicles per hour. */
  capacityVehPerH: num({ min: 1, max: 20_000 }),
  districtId: id,
});
/** A directed road link; its shape is in links.bin at the same index. */
export type RoadLink = ReturnType<typeof linkChecker>;

const deviceChecker = object({
  id,
  kind: oneOf(DEVICE_KINDS),
  name,
  xM: metres,
  yM: metres,
  districtId: id,
  /** The intersection the device watches, if any. */
  nodeId: optional(id),
  /** The link the device measures, if any. */
  linkId: optional(id),
});
export type Device = ReturnType<typeof deviceChecker>;

/** Where the bridge serves a city's 3D Tiles tileset (its directory, as is). */
export const TILESET_URL_PREFIX = '/city/tiles/';

const cityMetaChecker = object({
  formatVersion: num({ integer: true }),
  id,
  name,
  /** Changes whenever any city file changes; clients cache by it. */
  version: str({ minLength: 1, maxLength: 64 }),
  /** Seed of a generated city; absent for a city loaded from files. */
  seed: optional(num({ integer: true, min: 0, max: MAX_SEED })),
  origin: object({ lonDeg: num({ min: -180, max: 180 }), latDeg: num({ min: -85, max: 85 }) }),
  /** IANA time zone of the city: its days, hours and midnight, wherever the machine is. */
  timeZone: timeZoneChecker,
  /** Extent of all geometry, in metres from the origin. */
  bounds: object({ minXM: metres, minYM: metres, maxXM: metres, maxYM: metres }),
  districts: arrayOf(districtChecker, { maxLength: 1000 }),
  water: arrayOf(waterChecker, { maxLength: 1000 }),
  nodes: arrayOf(nodeChecker, { maxLength: 200_000 }),
  links: arrayOf(linkChecker, { maxLength: 500_000 }),
  devices: arrayOf(deviceChecker, { maxLength: 200_000 }),
  buildingCount: num({ integer: true, min: 0 }),
  /**
   * Photogrammetry of the city as a Cesium 3D Tiles tileset, served by the
   * bridge under TILESET_URL_PREFIX; drawn over the footprint buildings.
   */
  tileset: optional(object({ url: str({ minLength: 1, maxLength: 512, pattern: /^\/city\/tiles\/[^?#\\]+$/ }) })),
});
export type CityMeta = ReturnType<typeof cityMetaChecker>;

/** Validates city metadata, including that every reference points at something that exists. */
export function checkCityMeta(value: unknown, path = 'meta.json'): CityMeta {
  const meta = cityMetaChecker(value, path);
  if (meta.formatVersion !== CITY_FORMAT_VERSION) {
    throw new ValidationError(`${path}.formatVersion`, `expected ${CITY_FORMAT_VERSION}, got ${meta.formatVersion}`);
  }
  const districtIds = uniqueIds(meta.districts, `${path}.districts`);
  const nodeIds = uniqueIds(meta.nodes, `${path}.nodes`);
  const linkIds = uniqueIds(meta.links, `${path}.links`);
  uniqueIds(meta.devices, `${path}.devices`);
  const mustExist = (ids: Set<string>, ref: string | undefined, refPath: string) => {
    if (ref !== undefined && !ids.has(ref)) throw new ValidationError(refPath, `refers to unknown id ${JSON.stringify(ref)}`);
  };
  meta.districts.forEach((d, i) => {
    if (d.ringM.length < 3) throw new ValidationError(`${path}.districts[${i}].ringM`, 'needs at least 3 points');
  });
  meta.nodes.forEach((n, i) => mustExist(districtIds, n.districtId, `${path}.nodes[${i}].districtId`));
  meta.links.forEach((l, i) => {
    mustExist(nodeIds, l.fromNodeId, `${path}.links[${i}].fromNodeId`);
    mustExist(nodeIds, l.toNodeId, `${path}.links[${i}].toNodeId`);
    mustExist(districtIds, l.districtId, `${path}.links[${i}].districtId`);
  });
  meta.devices.forEach((d, i) => {
    mustExist(districtIds, d.districtId, `${path}.devices[${i}].districtId`);
    mustExist(nodeIds, d.nodeId, `${path}.devices[${i}].nodeId`);
    mustExist(linkIds, d.linkId, `${path}.devices[${i}].linkId`);
  });
  return meta;
}

function uniqueIds(items: { id: string }[], path: string): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) throw new ValidationError(`${path}[${i}].id`, `duplicate id ${JSON.stringify(item.id)}`);
    ids.add(item.id);
  });
  return ids;
}

/**
 * Building footprints: building i's outline is the closed ring of vertices
 * ringStart[i] .. ringStart[i+1]-1 in `xyM` (x, y interleaved, metres).
 */
export const BUILDINGS_SCHEMA = {
  ringStart: Uint32Array,
  xyM: Float32Array,
  heightM: Float32Array,
  /** Index into CityMeta.districts. */
  district: Uint16Array,
} as const;
export type Buildings = Bundle<typeof BUILDINGS_SCHEMA>;

/**
 * Link shapes, in the order of CityMeta.links: link i's polyline is the
 * vertices pointStart[i] .. pointStart[i+1]-1 in `xyM`.
 */
export const LINK_SHAPES_SCHEMA = {
  pointStart: Uint32Array,
  xyM: Float32Array,
} as const;
export type LinkShapes = Bundle<typeof LINK_SHAPES_SCHEMA>;

/** Decodes and checks buildings.bin: offsets rise, stay in range, and every ring has ≥ 3 vertices. */
export function decodeBuildings(buffer: ArrayBuffer, expectedCount: number): Buildings {
  const b = decodeBundle(buffer, BUILDINGS_SCHEMA, 'buildings.bin');
  checkRanges(b.ringStart, b.xyM.length / 2, expectedCount, 3, 'buildings.bin');
  if (b.heightM.length !== expectedCount || b.district.length !== expectedCount) {
    throw new ValidationError('buildings.bin', `heightM and district must hold ${expectedCount} entries`);
  }
  return b;
}

/** Decodes and checks links.bin against the number of links in the metadata. */
export function decodeLinkShapes(buffer: ArrayBuffer, expectedCount: number): LinkShapes {
  const shapes = decodeBundle(buffer, LINK_SHAPES_SCHEMA, 'links.bin');
  checkRanges(shapes.pointStart, shapes.xyM.length / 2, expectedCount, 2, 'links.bin');
  return shapes;
}

function checkRanges(start: Uint32Array, vertexCount: number, expectedCount: number, minPerItem: number, what: string) {
  if (start.length !== expectedCount + 1) {
    throw new ValidationError(what, `expected ${expectedCount + 1} offsets, got ${start.length}`);
  }
  if (start[0] !== 0 || start[expectedCount] !== vertexCount) {
    throw new ValidationError(what, `offsets must run from 0 to ${vertexCount}`);
  }
  for (let i = 0; i < expectedCount; i++) {
    if (start[i + 1]! - start[i]! < minPerItem) {
      throw new ValidationError(`${what}[${i}]`, `needs at least ${minPerItem} vertices`);
    }
  }
}
