/**
 * The static city model as served over HTTP by the bridge:
 *   GET /city/meta.json      CityMeta (JSON): districts, nodes, links, devices
 *   GET /city/buildings.bin  typed-array bundle, BUILDINGS_SCHEMA
 *   GET /city/links.bin      typed-array bundle, LINK_SHAPES_SCHEMA
 *
 * All geometry is in local metres east (x) and north (y) of `origin`, a
 * tangent plane small enough for a city; clients place it on the globe.
 */
import * as v from 'valibot';
import { count, entityId, localized, metres, nonEmptyText, pointM } from './fields';
import { type Bundle, decodeBundle } from './typed-bundle';
import { ValidationError, parseAt } from './validation';

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
export const timeZoneSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(64),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, (issue) => `is not a known IANA time zone: ${JSON.stringify(issue.input)}`),
);

const id = entityId;
const name = localized(128, { required: true });

const districtSchema = v.strictObject({
  id,
  name,
  /** Outline as a closed ring of [xM, yM] (first point not repeated). */
  ringM: v.pipe(v.array(pointM), v.maxLength(100_000)),
  /** Where the label goes, [xM, yM]. */
  labelM: pointM,
  populationThousands: v.optional(v.pipe(v.number(), v.minValue(0))),
});
export type District = v.InferOutput<typeof districtSchema>;

const waterSchema = v.strictObject({
  id,
  name,
  /** Outline of the water surface as a closed ring of [xM, yM] (first point not repeated). */
  ringM: v.pipe(v.array(pointM), v.maxLength(100_000)),
});
/** A river or lake, drawn under the city. */
export type WaterBody = v.InferOutput<typeof waterSchema>;

const nodeSchema = v.strictObject({
  id,
  name: v.optional(name),
  xM: metres,
  yM: metres,
  districtId: id,
  /** True for intersections controlled by a traffic signal. */
  signalized: v.boolean(),
});
/** A node of the road graph: an intersection, or a network entry point. */
export type RoadNode = v.InferOutput<typeof nodeSchema>;

const linkSchema = v.strictObject({
  id,
  /** Road name, shared by every link of the road. */
  name,
  fromNodeId: id,
  toNodeId: id,
  roadClass: v.picklist(ROAD_CLASSES),
  lanes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
  lengthM: v.pipe(v.number(), v.minValue(1), v.maxValue(100_000)),
  freeSpeedKmh: v.pipe(v.number(), v.minValue(5), v.maxValue(140)),
  /** Saturation capacity of the whole link, vehicles per hour. */
  capacityVehPerH: v.pipe(v.number(), v.minValue(1), v.maxValue(20_000)),
  districtId: id,
});
/** A directed road link; its shape is in links.bin at the same index. */
export type RoadLink = v.InferOutput<typeof linkSchema>;

const deviceSchema = v.strictObject({
  id,
  kind: v.picklist(DEVICE_KINDS),
  name,
  xM: metres,
  yM: metres,
  districtId: id,
  /** The intersection the device watches, if any. */
  nodeId: v.optional(id),
  /** The link the device measures, if any. */
  linkId: v.optional(id),
});
export type Device = v.InferOutput<typeof deviceSchema>;

/** Where the bridge serves a city's 3D Tiles tileset (its directory, as is). */
export const TILESET_URL_PREFIX = '/city/tiles/';

const cityMetaSchema = v.strictObject({
  formatVersion: v.pipe(v.number(), v.integer()),
  id,
  name,
  /** Changes whenever any city file changes; clients cache by it. */
  version: nonEmptyText(64),
  /** Seed of a generated city; absent for a city loaded from files. */
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SEED))),
  origin: v.strictObject({
    lonDeg: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
    latDeg: v.pipe(v.number(), v.minValue(-85), v.maxValue(85)),
  }),
  /** IANA time zone of the city: its days, hours and midnight, wherever the machine is. */
  timeZone: timeZoneSchema,
  /** Extent of all geometry, in metres from the origin. */
  bounds: v.strictObject({ minXM: metres, minYM: metres, maxXM: metres, maxYM: metres }),
  districts: v.pipe(v.array(districtSchema), v.maxLength(1000)),
  water: v.pipe(v.array(waterSchema), v.maxLength(1000)),
  nodes: v.pipe(v.array(nodeSchema), v.maxLength(200_000)),
  links: v.pipe(v.array(linkSchema), v.maxLength(500_000)),
  devices: v.pipe(v.array(deviceSchema), v.maxLength(200_000)),
  buildingCount: count,
  /**
   * Photogrammetry of the city as a Cesium 3D Tiles tileset, served by the
   * bridge under TILESET_URL_PREFIX; drawn over the footprint buildings.
   */
  tileset: v.optional(
    v.strictObject({ url: v.pipe(v.string(), v.minLength(1), v.maxLength(512), v.regex(/^\/city\/tiles\/[^?#\\]+$/)) }),
  ),
});
export type CityMeta = v.InferOutput<typeof cityMetaSchema>;

/** Validates city metadata, including that every reference points at something that exists. */
export function checkCityMeta(value: unknown, path = 'meta.json'): CityMeta {
  const meta = parseAt(cityMetaSchema, value, path);
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
