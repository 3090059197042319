/**
 * Binary attribute descriptors for deck.gl layer data, one per typed array.
 * deck.gl decides whether to re-upload a binary attribute by the identity of
 * its descriptor object, not of the array inside: a fresh `{ value, size }`
 * on every draw would re-upload every attribute (and re-aggregate the
 * heatmap) 30 times a second.
 */
import type { BinaryAttribute } from '@deck.gl/core';

type AttributeArray = Float32Array | Uint8Array | Uint32Array;

const descriptors = new WeakMap<AttributeArray, BinaryAttribute>();

/**
 * The descriptor of `value`, `size` components per row; bytes can be read as
 * 0–1 (`normalized`). The first call for an array fixes its descriptor.
 */
export function binaryAttribute(value: AttributeArray, size: number, normalized = false): BinaryAttribute {
  let descriptor = descriptors.get(value);
  if (!descriptor) {
    // deck.gl reads `normalized`, which its type does not list.
    descriptor = { value, size, ...(normalized && { normalized }) } as BinaryAttribute;
    descriptors.set(value, descriptor);
  }
  return descriptor;
}
