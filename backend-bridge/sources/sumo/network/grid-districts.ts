/**
 * Districts for a net that comes without any: a grid of cells over the
 * network's bounds, about `cellM` on a side (at most 8 × 8), named by
 * column letter and row number from the north-west ("A1") and, in both
 * languages, by the part of the city the cell lies in ("North-west A1",
 * "西北 A1").
 */
import type { District } from '../../../protocol';

export interface GridDistricts {
  districts: District[];
  /** Index into `districts` of the cell holding a local point (points outside go to the nearest cell). */
  districtAt: (xM: number, yM: number) => number;
}

export interface Bounds {
  minXM: number;
  minYM: number;
  maxXM: number;
  maxYM: number;
}

const MAX_CELLS_PER_SIDE = 8;
/** Part names by [row third][column third], north first. */
const PARTS: readonly (readonly { zh: string; en: string }[])[] = [
  [{ zh: '西北', en: 'North-west' }, { zh: '北', en: 'North' }, { zh: '东北', en: 'North-east' }],
  [{ zh: '西', en: 'West' }, { zh: '中', en: 'Central' }, { zh: '东', en: 'East' }],
  [{ zh: '西南', en: 'South-west' }, { zh: '南', en: 'South' }, { zh: '东南', en: 'South-east' }],
];

/** @param cellM target side of a cell, metres; @default 1000 */
export function gridDistricts(bounds: Bounds, cellM = 1000): GridDistricts {
  const widthM = Math.max(bounds.maxXM - bounds.minXM, 1);
  const heightM = Math.max(bounds.maxYM - bounds.minYM, 1);
  const columns = Math.min(MAX_CELLS_PER_SIDE, Math.max(1, Math.round(widthM / cellM)));
  const rows = Math.min(MAX_CELLS_PER_SIDE, Math.max(1, Math.round(heightM / cellM)));
  const cellWidthM = widthM / columns;
  const cellHeightM = heightM / rows;
  const third = (index: number, count: number) => (count === 1 ? 1 : Math.min(2, Math.floor((index * 3) / count)));
  const districts: District[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const label = `${String.fromCharCode(65 + column)}${row + 1}`;
      const part = PARTS[third(row, rows)]![third(column, columns)]!;
      const west = bounds.minXM + column * cellWidthM;
      const north = bounds.maxYM - row * cellHeightM;
      const east = west + cellWidthM;
      const south = north - cellHeightM;
      districts.push({
        id: `grid-${label}`,
        name: columns * rows === 1 ? { zh: label, en: label } : { zh: `${part.zh} ${label}`, en: `${part.en} ${label}` },
        ringM: [[west, south], [east, south], [east, north], [west, north]],
        labelM: [(west + east) / 2, (south + north) / 2],
      });
    }
  }
  const clampIndex = (value: number, count: number) => Math.min(count - 1, Math.max(0, Math.floor(value)));
  return {
    districts,
    districtAt: (xM, yM) =>
      clampIndex((bounds.maxYM - yM) / cellHeightM, rows) * columns + clampIndex((xM - bounds.minXM) / cellWidthM, columns),
  };
}
