/**
 * The city as the bridge serves it over HTTP: the three bodies of
 * /city/meta.json, /city/buildings.bin and /city/links.bin, each raw and
 * gzip-compressed, plus the version clients cache them by.
 *
 * The version is the first 12 hex digits of a SHA-256 over the three raw
 * bodies as they would be with `meta.version` set to '' (meta, buildings,
 * links, in that order). It is then written into `meta.version` of the JSON
 * actually served, so a client can check what it fetched. Whatever version
 * the model carries is ignored: the content alone decides.
 *
 * Equal models give byte-identical raw bodies and version. The gzip bodies
 * are identical on one platform; zlib writes the operating system into the
 * gzip header, which is why the version is taken over the raw bodies only.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type CityMeta, encodeBundle } from '../protocol';
import type { CityModel } from './city-model';

/** Hex digits of the content hash kept as the version. */
const VERSION_HEX_DIGITS = 12;
/** zlib level 6: zlib's own default, close to the best ratio at a fraction of level 9's time. */
const GZIP_LEVEL = 6;

export interface CityPayload {
  /** Content hash of the city; also in `meta.version` of `metaJson`. */
  version: string;
  /** The metadata as served, carrying `version`. */
  meta: CityMeta;
  /** UTF-8 JSON of `meta`. */
  metaJson: Buffer;
  metaJsonGz: Buffer;
  /** Typed-array bundle of the buildings (BUILDINGS_SCHEMA). */
  buildingsBin: Buffer;
  buildingsBinGz: Buffer;
  /** Typed-array bundle of the link shapes (LINK_SHAPES_SCHEMA). */
  linksBin: Buffer;
  linksBinGz: Buffer;
}

export function encodeCityPayload(model: CityModel): CityPayload {
  // Sections are named one by one: their order is part of the bytes, and must not depend on how the model was built.
  const { ringStart, xyM, heightM, district } = model.buildings;
  const buildingsBin = Buffer.from(encodeBundle({ ringStart, xyM, heightM, district }));
  const { pointStart, xyM: shapeXyM } = model.linkShapes;
  const linksBin = Buffer.from(encodeBundle({ pointStart, xyM: shapeXyM }));

  const hash = createHash('sha256');
  hash.update(jsonBody({ ...model.meta, version: '' }));
  hash.update(buildingsBin);
  hash.update(linksBin);
  const version = hash.digest('hex').slice(0, VERSION_HEX_DIGITS);

  const meta: CityMeta = { ...model.meta, version };
  const metaJson = jsonBody(meta);
  return {
    version,
    meta,
    metaJson,
    metaJsonGz: gzip(metaJson),
    buildingsBin,
    buildingsBinGz: gzip(buildingsBin),
    linksBin,
    linksBinGz: gzip(linksBin),
  };
}

const jsonBody = (meta: CityMeta) => Buffer.from(JSON.stringify(meta), 'utf8');

const gzip = (body: Buffer) => gzipSync(body, { level: GZIP_LEVEL });
