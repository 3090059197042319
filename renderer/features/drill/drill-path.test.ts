import { describe, expect, it } from 'vitest';
import { createCityLookup } from './city-lookup';
import { drillCity } from './drill-city.fixture';
import { districtOf, drillPath, entityExists } from './drill-path';

const lookup = createCityLookup(drillCity().meta);
const levelsAndIds = (target: Parameters<typeof drillPath>[1]) => drillPath(lookup, target)?.map(({ level, id }) => (id ? `${level}:${id}` : level));

describe('the breadcrumb path', () => {
  it('is the city alone at the city level, named after the city', () => {
    expect(drillPath(lookup, { level: 'city' })).toEqual([{ level: 'city', name: { zh: '钻取城', en: 'Drill City' } }]);
  });

  it('puts an intersection and a link under their districts', () => {
    expect(levelsAndIds({ level: 'intersection', id: 'N2' })).toEqual(['city', 'district:east', 'intersection:N2']);
    expect(levelsAndIds({ level: 'link', id: 'L12' })).toEqual(['city', 'district:west', 'link:L12']);
  });

  it('puts a device under the intersection or link it watches, else straight under its district', () => {
    expect(levelsAndIds({ level: 'device', id: 'CAM-1' })).toEqual(['city', 'district:west', 'intersection:N1', 'device:CAM-1']);
    expect(levelsAndIds({ level: 'device', id: 'LD-7' })).toEqual(['city', 'district:east', 'link:L23', 'device:LD-7']);
    expect(levelsAndIds({ level: 'device', id: 'FA-3' })).toEqual(['city', 'district:east', 'device:FA-3']);
  });

  it('carries names where the model has them and null for an unnamed intersection', () => {
    expect(drillPath(lookup, { level: 'intersection', id: 'N1' })?.at(-1)?.name?.en).toBe('Hubin Crossing');
    expect(drillPath(lookup, { level: 'intersection', id: 'N2' })?.at(-1)?.name).toBeNull();
  });

  it('is null for an id the city does not have, at every level', () => {
    for (const level of ['district', 'intersection', 'link', 'device'] as const) {
      expect(drillPath(lookup, { level, id: 'nope' })).toBeNull();
      expect(entityExists(lookup, { level, id: 'nope' })).toBe(false);
    }
    // An id of another level does not count.
    expect(entityExists(lookup, { level: 'district', id: 'N1' })).toBe(false);
  });

  it('gives the district a target lies in', () => {
    expect(districtOf(lookup, { level: 'device', id: 'LD-7' })).toBe('east');
    expect(districtOf(lookup, { level: 'city' })).toBeNull();
  });
});
