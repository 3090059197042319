import { describe, expect, it } from 'vitest';
import { drillCity } from '../../features/drill/drill-city.fixture';
import { districtAt, linkMidpointM, nearestLink, pointInRing } from './drill-picking';

const { meta, linkShapes } = drillCity();

describe('picking on the map', () => {
  it('finds the district under a point, and none outside the city', () => {
    expect(districtAt(meta.districts, -10, 0)).toBe('west');
    expect(districtAt(meta.districts, 10, 0)).toBe('east');
    expect(districtAt(meta.districts, 0, 900)).toBeNull();
  });

  it('tells inside from outside a concave ring', () => {
    const ell: [number, number][] = [[0, 0], [10, 0], [10, 2], [2, 2], [2, 10], [0, 10]];
    expect(pointInRing(ell, 1, 9)).toBe(true);
    expect(pointInRing(ell, 5, 5)).toBe(false);
  });

  it('picks the link nearest to the click, on the side of the street clicked, within reach only', () => {
    const index = (id: string) => meta.links.findIndex((link) => link.id === id);
    expect(nearestLink(linkShapes, 0, -5, 20)).toBe(index('L12'));
    expect(nearestLink(linkShapes, 0, 5, 20)).toBe(index('L21'));
    expect(nearestLink(linkShapes, 510, 200, 20)).toBe(index('L23'));
    expect(nearestLink(linkShapes, 0, 100, 20)).toBeNull();
  });

  it('puts a link midpoint halfway along its shape', () => {
    expect(linkMidpointM(linkShapes, 0)).toEqual([0, -3]);
    expect(linkMidpointM(linkShapes, 2)).toEqual([503, 200]);
  });
});
