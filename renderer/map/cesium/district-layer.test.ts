import { describe, expect, it } from 'vitest';
import { labelFontPx } from './district-layer';

describe('labelFontPx', () => {
  it('scales district names with the map width, within readable bounds', () => {
    expect(labelFontPx(800)).toBe(18);
    expect(labelFontPx(1420)).toBe(28);
    expect(labelFontPx(2600)).toBe(52);
    expect(labelFontPx(7680)).toBe(64);
  });
});
