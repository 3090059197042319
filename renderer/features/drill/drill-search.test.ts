import { describe, expect, it } from 'vitest';
import { createCityLookup } from './city-lookup';
import { drillCity } from './drill-city.fixture';
import { buildSearchIndex, searchPlaces } from './drill-search';

const index = buildSearchIndex(createCityLookup(drillCity().meta));
const found = (query: string) => searchPlaces(index, query).map((hit) => `${hit.entry.target.level}:${hit.entry.id}`);

describe('searching the city', () => {
  it('finds a district by its Chinese or English name, in any case', () => {
    expect(found('西湖')[0]).toBe('district:west');
    expect(found('  XIHU ')[0]).toBe('district:west');
  });

  it('lists a road once, as its longest link, whichever language it is typed in', () => {
    expect(found('jiefang')).toEqual(['link:L12']);
    expect(found('解放路')).toEqual(['link:L12']);
  });

  it('finds intersections and devices by id, an exact id first', () => {
    expect(found('n2')[0]).toBe('intersection:N2');
    expect(found('LD-7')).toEqual(['device:LD-7']);
  });

  it('ranks a name that starts with the query above one that only contains it, then by level', () => {
    // "Hubin Crossing" and "Hubin camera" start with "hu"; "Xihu" only contains it, so the district comes last.
    expect(found('hu')).toEqual(['intersection:N1', 'device:CAM-1', 'district:west']);
    // A word's start inside a name counts too.
    expect(found('smoke')).toEqual(['device:FA-3']);
  });

  it('finds nothing for a blank query and at most the limit otherwise', () => {
    expect(found('   ')).toEqual([]);
    expect(searchPlaces(index, 'n', 2)).toHaveLength(2);
  });
});
