import { describe, expect, it } from 'vitest';
import { LinkIndex } from './link-index';

// Two directions of one east–west street 6 m apart, and a north–south link starting 500 m east.
const shapes = {
  pointStart: new Uint32Array([0, 2, 4, 7]),
  xyM: new Float64Array([-100, -3, 100, -3, 100, 3, -100, 3, 500, 0, 500, 200, 520, 400]),
};

describe('LinkIndex', () => {
  const index = new LinkIndex(shapes);

  it('picks the link nearest to a point, on the side of the street the point is on', () => {
    expect(index.nearest(0, -5, 20)).toBe(0);
    expect(index.nearest(0, 5, 20)).toBe(1);
    expect(index.nearest(505, 150, 20)).toBe(2);
  });

  it('measures along every segment of a bent link', () => {
    expect(index.nearest(515, 300, 20)).toBe(2);
  });

  it('finds nothing beyond reach', () => {
    expect(index.nearest(0, 100, 20)).toBeNull();
    expect(index.nearest(0, 24, 20)).toBeNull();
  });

  it('gives a point halfway between two links to the later one', () => {
    expect(index.nearest(0, 0, 20)).toBe(1);
  });

  it('finds nothing in a city without links', () => {
    expect(new LinkIndex({ pointStart: new Uint32Array([0]), xyM: new Float64Array() }).nearest(0, 0, 20)).toBeNull();
  });
});
