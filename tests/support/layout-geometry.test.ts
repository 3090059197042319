import { describe, expect, it } from 'vitest';
import { type TextBoxMetrics, clippedAxes, excessOutside, intersection } from './layout-geometry';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('intersection', () => {
  it('gives the shared rectangle of two overlapping boxes', () => {
    expect(intersection(box(0, 0, 100, 50), box(60, 20, 200, 80))).toEqual(box(60, 20, 100, 50));
  });

  it('finds no overlap between boxes that only touch along an edge', () => {
    expect(intersection(box(0, 0, 100, 50), box(100, 0, 200, 50))).toBeNull();
  });

  it('ignores a shared strip no wider than the tolerance, as sub-pixel rounding makes', () => {
    expect(intersection(box(0, 0, 100.8, 50), box(100, 0, 200, 50))).toBeNull();
    expect(intersection(box(0, 0, 102, 50), box(100, 0, 200, 50))).toEqual(box(100, 0, 102, 50));
  });

  it('finds a box inside another as overlapping it by its whole area', () => {
    expect(intersection(box(0, 0, 100, 100), box(10, 10, 20, 20))).toEqual(box(10, 10, 20, 20));
  });

  it('finds no overlap between boxes apart in one direction only', () => {
    expect(intersection(box(0, 0, 100, 50), box(20, 60, 80, 90))).toBeNull();
  });
});

describe('excessOutside', () => {
  it('is null for a box inside another', () => {
    expect(excessOutside(box(10, 10, 90, 90), box(0, 0, 100, 100))).toBeNull();
  });

  it('says how far a box pokes out on each side', () => {
    expect(excessOutside(box(-5, 10, 130, 90), box(0, 0, 100, 100))).toEqual({ left: 5, top: 0, right: 30, bottom: 0 });
  });

  it('forgives a pixel of rounding on any side', () => {
    expect(excessOutside(box(-0.5, 0, 100.9, 101), box(0, 0, 100, 100))).toBeNull();
  });
});

const fits: TextBoxMetrics = {
  clientWidthPx: 200,
  clientHeightPx: 30,
  scrollWidthPx: 200,
  scrollHeightPx: 30,
  ellipsis: false,
  lineClamp: false,
  tooltip: false,
  scrollsX: false,
  scrollsY: false,
  spillsY: false,
  fontSizePx: 20,
};

describe('clippedAxes', () => {
  it('finds nothing cut when the content fits its box', () => {
    expect(clippedAxes(fits)).toEqual({ width: false, height: false });
  });

  it('allows one pixel of rounding in the scroll size', () => {
    expect(clippedAxes({ ...fits, scrollWidthPx: 201, scrollHeightPx: 31 })).toEqual({ width: false, height: false });
  });

  it('finds a text wider than its box cut', () => {
    expect(clippedAxes({ ...fits, scrollWidthPx: 240 })).toEqual({ width: true, height: false });
  });

  it('finds a text taller than its box cut', () => {
    expect(clippedAxes({ ...fits, scrollHeightPx: 60 })).toEqual({ width: false, height: true });
  });

  it('accepts a horizontal cut that shows an ellipsis and has a tooltip', () => {
    expect(clippedAxes({ ...fits, scrollWidthPx: 240, ellipsis: true, tooltip: true }).width).toBe(false);
  });

  it('finds an ellipsis without a tooltip cut: the rest of the text is lost', () => {
    expect(clippedAxes({ ...fits, scrollWidthPx: 240, ellipsis: true }).width).toBe(true);
  });

  it('finds a tooltip without an ellipsis cut: nothing shows that text is missing', () => {
    expect(clippedAxes({ ...fits, scrollWidthPx: 240, tooltip: true }).width).toBe(true);
  });

  it('does not let an ellipsis excuse a vertical cut, which it does not mark', () => {
    expect(clippedAxes({ ...fits, scrollHeightPx: 60, ellipsis: true, tooltip: true }).height).toBe(true);
  });

  it('accepts a vertical cut by a line clamp with a tooltip', () => {
    expect(clippedAxes({ ...fits, scrollHeightPx: 60, lineClamp: true, tooltip: true }).height).toBe(false);
  });

  it('accepts glyphs reaching a few pixels below a box that lets them spill, as a tight line-height makes', () => {
    expect(clippedAxes({ ...fits, scrollHeightPx: 39, spillsY: true }).height).toBe(false);
  });

  it('finds a wrapped line spilling out of a box cut even where the box does not clip it', () => {
    expect(clippedAxes({ ...fits, scrollHeightPx: 30 + 20, spillsY: true }).height).toBe(true);
  });

  it('counts glyph spill only in a box that lets text spill, not in one that clips it', () => {
    expect(clippedAxes({ ...fits, scrollHeightPx: 34 }).height).toBe(true);
  });

  it('accepts overflow in a direction the box scrolls', () => {
    expect(clippedAxes({ ...fits, scrollHeightPx: 600, scrollsY: true })).toEqual({ width: false, height: false });
    expect(clippedAxes({ ...fits, scrollWidthPx: 600, scrollsY: true }).width).toBe(true);
  });
});
