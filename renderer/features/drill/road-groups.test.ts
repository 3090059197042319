import { describe, expect, it } from 'vitest';
import { createCityLookup } from './city-lookup';
import { devicesAtIntersection, devicesOnLinks } from './devices-at';
import { drillCity } from './drill-city.fixture';
import { buildSearchIndex } from './drill-search';
import { groupRoads } from './road-groups';

const { meta } = drillCity();
const lookup = createCityLookup(meta);

describe('roads', () => {
  it('groups every link of the same name into one road, both directions included', () => {
    const roads = [...groupRoads(meta.links).values()];
    expect(roads.map((road) => [road.name.en, road.linkIds])).toEqual([
      ['Jiefang Road', ['L12', 'L21']],
      ['Jiangcheng Street', ['L23']],
    ]);
    expect(roads[0]).toMatchObject({ representativeId: 'L12', lengthM: 2000 });
  });

  it('gives the search one entry per road that carries all of its links', () => {
    const roadEntries = buildSearchIndex(lookup).filter((entry) => entry.target.level === 'link');
    expect(roadEntries.map((entry) => entry.road?.linkIds)).toEqual([['L12', 'L21'], ['L23']]);
  });
});

describe('devices at a place', () => {
  it('counts at an intersection the detectors on the links entering it, as a search for its name finds them', () => {
    expect(devicesAtIntersection(lookup, 'N3').map((device) => device.id)).toEqual(['LD-7']);
    expect(devicesAtIntersection(lookup, 'N1').map((device) => device.id)).toEqual(['CAM-1']);
    expect(devicesAtIntersection(lookup, 'N2')).toEqual([]);
  });

  it('lists the devices on any link of a road', () => {
    expect(devicesOnLinks(lookup, ['L12', 'L23']).map((device) => device.id)).toEqual(['LD-7']);
  });
});
