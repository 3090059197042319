import { describe, expect, it } from 'vitest';
import { drillCity } from '../../features/drill/drill-city.fixture';
import { CityPicker, linkMidpointM } from './drill-picking';

const { meta, linkShapes } = drillCity();
const picker = new CityPicker(meta, linkShapes);

describe('picking on the map', () => {
  it('finds the district under a point, and none outside the city', () => {
    expect(picker.districtAt(-10, 0)).toBe('west');
    expect(picker.districtAt(10, 0)).toBe('east');
    expect(picker.districtAt(0, 900)).toBeNull();
  });

  it('picks the link nearest to the click, on the side of the street clicked, within reach only', () => {
    const index = (id: string) => meta.links.findIndex((link) => link.id === id);
    expect(picker.nearestLink(0, -5, 20)).toBe(index('L12'));
    expect(picker.nearestLink(0, 5, 20)).toBe(index('L21'));
    expect(picker.nearestLink(510, 200, 20)).toBe(index('L23'));
    expect(picker.nearestLink(0, 100, 20)).toBeNull();
  });

  it('puts a link midpoint halfway along its shape', () => {
    expect(linkMidpointM(linkShapes, 0)).toEqual([0, -3]);
    expect(linkMidpointM(linkShapes, 2)).toEqual([503, 200]);
  });
});
