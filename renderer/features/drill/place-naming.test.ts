import { describe, expect, it } from 'vitest';
import { createCityLookup } from './city-lookup';
import { drillCity } from './drill-city.fixture';
import { nearestIntersection, placeOfSpot } from './place-naming';

const { meta, linkShapes } = drillCity();
const lookup = createCityLookup(meta);

describe('naming a spot as a place', () => {
  it('names the district and the road nearest to the spot', () => {
    expect(placeOfSpot(lookup, linkShapes, { xM: 0, yM: 40, districtId: 'east' })).toEqual({
      district: { zh: '上城区', en: 'Shangcheng' },
      road: { zh: '解放路', en: 'Jiefang Road' },
      onRoad: false,
    });
  });

  it('names the spot’s own link as the road it is on', () => {
    expect(placeOfSpot(lookup, linkShapes, { xM: 0, yM: 0, districtId: 'east', linkId: 'L23' })).toMatchObject({
      road: { en: 'Jiangcheng Street' },
      onRoad: true,
    });
  });

  it('names no road when none is within reach, or while the shapes are loading', () => {
    expect(placeOfSpot(lookup, linkShapes, { xM: -900, yM: 480, districtId: 'west' }).road).toBeNull();
    expect(placeOfSpot(lookup, null, { xM: 0, yM: 40, districtId: 'west' })).toEqual({ district: { zh: '西湖区', en: 'Xihu' }, road: null, onRoad: false });
  });

  it('finds the intersection nearest a spot within reach only', () => {
    expect(nearestIntersection(lookup, 480, 20)).toBe('N2');
    expect(nearestIntersection(lookup, 0, 0)).toBeNull();
  });
});
