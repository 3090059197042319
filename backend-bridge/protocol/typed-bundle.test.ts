import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from './typed-bundle';

const schema = { ids: Uint32Array, speedKmh: Float32Array, level: Uint8Array } as const;

describe('typed-array bundles', () => {
  it('round-trips named arrays of mixed types with 8-byte aligned sections', () => {
    const buffer = encodeBundle({ ids: new Uint32Array([1, 2, 3]), level: new Uint8Array([7]), speedKmh: new Float32Array([12.5, 40]) });
    const decoded = decodeBundle(buffer, schema, 'frame');
    expect(Array.from(decoded.ids)).toEqual([1, 2, 3]);
    expect(Array.from(decoded.speedKmh)).toEqual([12.5, 40]);
    expect(Array.from(decoded.level)).toEqual([7]);
    expect(decoded.speedKmh.byteOffset % 8).toBe(0);
  });

  it('encodes views on larger buffers by their own bytes only', () => {
    const backing = new Float32Array([9, 9, 1, 2, 9]);
    const decoded = decodeBundle(encodeBundle({ ids: new Uint32Array(0), speedKmh: backing.subarray(2, 4), level: new Uint8Array(0) }), schema, 'x');
    expect(Array.from(decoded.speedKmh)).toEqual([1, 2]);
  });

  it('names what is wrong with a damaged or unexpected buffer', () => {
    const good = encodeBundle({ ids: new Uint32Array([1]), speedKmh: new Float32Array([1]), level: new Uint8Array([1]) });
    expect(() => decodeBundle(new ArrayBuffer(3), schema, 'frame')).toThrow('frame: too short (3 bytes)');
    expect(() => decodeBundle(new Uint8Array(16).buffer, schema, 'frame')).toThrow('frame: not a typed-array bundle (bad magic)');
    expect(() => decodeBundle(good.slice(0, good.byteLength - 8), schema, 'frame')).toThrow('runs past the end');
    expect(() => decodeBundle(encodeBundle({ ids: new Float32Array(1) }), { ids: Uint32Array }, 'frame')).toThrow('frame: section ids should be Uint32Array');
    expect(() => decodeBundle(encodeBundle({ ids: new Uint32Array(1) }), schema, 'frame')).toThrow('frame: missing section speedKmh');
  });

  it('refuses section names that do not fit the header', () => {
    expect(() => encodeBundle({ 'a name that is far too long': new Uint8Array(1) })).toThrow('is not 1–16 ASCII word characters');
  });
});
