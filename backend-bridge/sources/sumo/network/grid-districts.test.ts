import { describe, expect, it } from 'vitest';
import { gridDistricts } from './grid-districts';

const BOUNDS = { minXM: -1500, minYM: -1500, maxXM: 1500, maxYM: 1500 };

describe('gridDistricts', () => {
  it('lays cells of about the asked side over the bounds, lettered by column and numbered by row from the north-west', () => {
    const { districts } = gridDistricts(BOUNDS, 1000);
    expect(districts.map((d) => d.id)).toEqual(['grid-A1', 'grid-B1', 'grid-C1', 'grid-A2', 'grid-B2', 'grid-C2', 'grid-A3', 'grid-B3', 'grid-C3']);
    expect(districts[0]!.ringM).toEqual([[-1500, 500], [-500, 500], [-500, 1500], [-1500, 1500]]);
  });

  it('names each cell by the part of the city it lies in, in both languages', () => {
    const names = gridDistricts(BOUNDS, 1000).districts.map((d) => d.name);
    expect(names[0]).toEqual({ zh: '西北 A1', en: 'North-west A1' });
    expect(names[4]).toEqual({ zh: '中 B2', en: 'Central B2' });
    expect(names[8]).toEqual({ zh: '东南 C3', en: 'South-east C3' });
  });

  it('finds the cell of a point, and the nearest cell for a point just outside', () => {
    const { districts, districtAt } = gridDistricts(BOUNDS, 1000);
    expect(districts[districtAt(-1400, 1400)]!.id).toBe('grid-A1');
    expect(districts[districtAt(1400, -1400)]!.id).toBe('grid-C3');
    expect(districts[districtAt(1600, 0)]!.id).toBe('grid-C2');
  });

  it('makes one cell of a net smaller than a cell, named by its label alone', () => {
    const { districts } = gridDistricts({ minXM: 0, minYM: 0, maxXM: 100, maxYM: 50 }, 1000);
    expect(districts.map((d) => d.name)).toEqual([{ zh: 'A1', en: 'A1' }]);
  });

  it('caps a large net at 8 cells a side', () => {
    expect(gridDistricts({ minXM: 0, minYM: 0, maxXM: 50_000, maxYM: 20_000 }, 1000).districts).toHaveLength(64);
  });
});
