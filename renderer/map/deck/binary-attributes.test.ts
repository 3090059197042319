import { describe, expect, it } from 'vitest';
import { binaryAttribute } from './binary-attributes';

describe('binaryAttribute', () => {
  it('hands out one descriptor per array, so deck.gl sees an unchanged attribute as unchanged', () => {
    const colors = new Uint8Array(8);
    expect(binaryAttribute(colors, 4, true)).toBe(binaryAttribute(colors, 4, true));
    expect(binaryAttribute(colors, 4, true)).toEqual({ value: colors, size: 4, normalized: true });
  });

  it('gives a new array a new descriptor', () => {
    expect(binaryAttribute(new Float32Array(2), 1)).not.toBe(binaryAttribute(new Float32Array(2), 1));
  });

  it('leaves the normalized flag out unless asked for', () => {
    expect(binaryAttribute(new Float32Array(3), 3)).not.toHaveProperty('normalized');
  });
});
