import { describe, expect, it } from 'vitest';
import { tinyCity } from '../city/tiny-city.fixture';
import { checkCityMeta, decodeBuildings, decodeLinkShapes } from './city';
import { encodeBundle } from './typed-bundle';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('checkCityMeta', () => {
  it('accepts a consistent city', () => {
    expect(checkCityMeta(plain(tinyCity().meta)).id).toBe('tiny');
  });

  it('names a link that refers to a node that does not exist', () => {
    const meta = plain(tinyCity().meta) as { links: { toNodeId: string }[] };
    meta.links[1]!.toNodeId = 'n404';
    expect(() => checkCityMeta(meta)).toThrow('meta.json.links[1].toNodeId: refers to unknown id "n404"');
  });

  it('names a duplicate id', () => {
    const meta = plain(tinyCity().meta) as { nodes: { id: string }[] };
    meta.nodes[2]!.id = 'n1';
    expect(() => checkCityMeta(meta)).toThrow('meta.json.nodes[2].id: duplicate id "n1"');
  });

  it('refuses a time zone that is not an IANA zone', () => {
    expect(() => checkCityMeta({ ...plain(tinyCity().meta), timeZone: 'UTC+8' })).toThrow('meta.json.timeZone: is not a known IANA time zone: "UTC+8"');
    expect(checkCityMeta({ ...plain(tinyCity().meta), timeZone: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
  });

  it('refuses another format version', () => {
    expect(() => checkCityMeta({ ...plain(tinyCity().meta), formatVersion: 2 })).toThrow('meta.json.formatVersion: expected 1, got 2');
  });
});

describe('binary city files', () => {
  it('accept the tiny city and refuse offsets that do not cover the vertices', () => {
    const { buildings, linkShapes } = tinyCity();
    expect(decodeBuildings(encodeBundle(buildings), 1).heightM[0]).toBe(45);
    expect(decodeLinkShapes(encodeBundle(linkShapes), 2).pointStart.length).toBe(3);
    const broken = { ...buildings, ringStart: new Uint32Array([0, 3]) };
    expect(() => decodeBuildings(encodeBundle(broken), 1)).toThrow('buildings.bin: offsets must run from 0 to 4');
    expect(() => decodeLinkShapes(encodeBundle(linkShapes), 3)).toThrow('links.bin: expected 4 offsets, got 3');
  });
});
