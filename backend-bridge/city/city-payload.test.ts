import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type BundleArray, checkCityMeta, decodeBuildings, decodeLinkShapes } from '../protocol';
import type { CityModel } from './city-model';
import { encodeCityPayload } from './city-payload';
import { generateDemoCity } from './demo-city';

const model = generateDemoCity();
const payload = encodeCityPayload(model);

/** A fresh, exactly sized ArrayBuffer with the bytes, as a client receives them. */
const received = (body: Buffer) => new Uint8Array(body).slice().buffer;

/** Same element type and the same bytes. */
const sameArray = (a: BundleArray, b: BundleArray) =>
  a.constructor === b.constructor && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

const withHeight = (city: CityModel, index: number, heightM: number): CityModel => {
  const heights = city.buildings.heightM.slice();
  heights[index] = heightM;
  return { ...city, buildings: { ...city.buildings, heightM: heights } };
};

describe('encodeCityPayload', () => {
  it('encodes the same seed to the same bytes, and another seed to other bytes', () => {
    const again = encodeCityPayload(generateDemoCity());
    for (const body of ['metaJson', 'buildingsBin', 'linksBin', 'metaJsonGz', 'buildingsBinGz', 'linksBinGz'] as const) {
      expect(again[body].equals(payload[body]), body).toBe(true);
    }
    expect(again.version).toBe(payload.version);
    const other = encodeCityPayload(generateDemoCity(1));
    expect(other.version).not.toBe(payload.version);
    expect(other.metaJson.equals(payload.metaJson)).toBe(false);
    expect(other.buildingsBin.equals(payload.buildingsBin)).toBe(false);
  });

  it('produces bodies that the protocol validators accept, carrying the model unchanged', () => {
    expect(payload.metaJson.toString('utf8')).toBe(JSON.stringify({ ...model.meta, version: payload.version }));
    const meta = checkCityMeta(JSON.parse(payload.metaJson.toString('utf8')));
    const buildings = decodeBuildings(received(payload.buildingsBin), meta.buildingCount);
    for (const section of ['ringStart', 'xyM', 'heightM', 'district'] as const) {
      expect(sameArray(buildings[section], model.buildings[section]), section).toBe(true);
    }
    const shapes = decodeLinkShapes(received(payload.linksBin), meta.links.length);
    expect(sameArray(shapes.pointStart, model.linkShapes.pointStart)).toBe(true);
    expect(sameArray(shapes.xyM, model.linkShapes.xyM)).toBe(true);
  });

  it('gzips each body losslessly', () => {
    expect(gunzipSync(payload.metaJsonGz).equals(payload.metaJson)).toBe(true);
    expect(gunzipSync(payload.buildingsBinGz).equals(payload.buildingsBin)).toBe(true);
    expect(gunzipSync(payload.linksBinGz).equals(payload.linksBin)).toBe(true);
    expect(payload.metaJsonGz.length).toBeLessThan(payload.metaJson.length / 4);
  });

  it('versions by content: 12 hex digits, stamped into the served meta, blind to the version the model carried', () => {
    expect(payload.version).toMatch(/^[0-9a-f]{12}$/);
    expect(payload.meta.version).toBe(payload.version);
    expect(JSON.parse(payload.metaJson.toString('utf8')).version).toBe(payload.version);
    const stamped = encodeCityPayload({ ...model, meta: { ...model.meta, version: 'stale-0001' } });
    expect(stamped.version).toBe(payload.version);
    expect(model.meta.version).toBe('');
  });

  it('changes the version when only the binary geometry changes', () => {
    const taller = encodeCityPayload(withHeight(model, 0, model.buildings.heightM[0]! + 1));
    expect(taller.version).not.toBe(payload.version);
    expect(taller.metaJson.equals(payload.metaJson)).toBe(false); // the new version is inside it
  });
});
