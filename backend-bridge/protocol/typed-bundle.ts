/**
 * A compact binary container of named typed arrays, used for static city
 * geometry (buildings, link shapes) and live frames.
 *
 * Layout (little-endian):
 *   0  u32  magic "CBTB"
 *   4  u16  format version (1)
 *   6  u16  section count N
 *   8  N × 24-byte section headers: name (16 bytes ASCII, NUL-padded),
 *      u8 element type, 3 bytes padding, u32 element count
 *   …  section payloads in header order, each starting on an 8-byte boundary
 *
 * Decoding never copies: each section is a view on the received buffer.
 */
const MAGIC = 0x42544243; // "CBTB" read as little-endian u32
const FORMAT_VERSION = 1;
const HEADER_BYTES = 8;
const SECTION_HEADER_BYTES = 24;
const NAME_BYTES = 16;

const ARRAY_TYPES = [Float32Array, Float64Array, Uint8Array, Uint16Array, Uint32Array, Int32Array] as const;
export type BundleArray = Float32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array | Int32Array;
export type BundleArrayType = (typeof ARRAY_TYPES)[number];

export type BundleSchema = Record<string, BundleArrayType>;
export type Bundle<S extends BundleSchema> = { [K in keyof S]: InstanceType<S[K]> };

export class BundleFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleFormatError';
  }
}

const align8 = (offset: number) => (offset + 7) & ~7;

function typeCode(array: BundleArray): number {
  const code = ARRAY_TYPES.findIndex((ctor) => array instanceof ctor);
  if (code < 0) throw new BundleFormatError('unsupported typed array');
  return code;
}

/** Packs named typed arrays into one buffer. Names are ASCII, at most 16 characters. */
export function encodeBundle(sections: Record<string, BundleArray>): ArrayBuffer {
  const entries = Object.entries(sections);
  let offset = align8(HEADER_BYTES + entries.length * SECTION_HEADER_BYTES);
  const offsets: number[] = [];
  for (const [, array] of entries) {
    offsets.push(offset);
    offset = align8(offset + array.byteLength);
  }
  const buffer = new ArrayBuffer(offset);
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint16(4, FORMAT_VERSION, true);
  view.setUint16(6, entries.length, true);
  entries.forEach(([name, array], index) => {
    if (!/^[A-Za-z0-9_]{1,16}$/.test(name)) throw new BundleFormatError(`section name ${JSON.stringify(name)} is not 1–16 ASCII word characters`);
    const header = HEADER_BYTES + index * SECTION_HEADER_BYTES;
    for (let i = 0; i < name.length; i++) bytes[header + i] = name.charCodeAt(i);
    view.setUint8(header + NAME_BYTES, typeCode(array));
    view.setUint32(header + NAME_BYTES + 4, array.length, true);
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[index]);
  });
  return buffer;
}

/**
 * Reads a bundle and checks it against the expected schema: every section
 * present with the right element type, and no section running past the end.
 * `what` names the payload in error messages (e.g. `buildings.bin`).
 */
export function decodeBundle<S extends BundleSchema>(buffer: ArrayBuffer, schema: S, what: string): Bundle<S> {
  const fail = (reason: string): never => {
    throw new BundleFormatError(`${what}: ${reason}`);
  };
  if (buffer.byteLength < HEADER_BYTES) fail(`too short (${buffer.byteLength} bytes)`);
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) fail('not a typed-array bundle (bad magic)');
  const version = view.getUint16(4, true);
  if (version !== FORMAT_VERSION) fail(`format version ${version} is not supported (expected ${FORMAT_VERSION})`);
  const count = view.getUint16(6, true);
  let offset = align8(HEADER_BYTES + count * SECTION_HEADER_BYTES);
  if (offset > buffer.byteLength) fail(`truncated section table (${count} sections)`);
  const found: Record<string, BundleArray> = {};
  const bytes = new Uint8Array(buffer);
  for (let index = 0; index < count; index++) {
    const header = HEADER_BYTES + index * SECTION_HEADER_BYTES;
    let name = '';
    for (let i = 0; i < NAME_BYTES && bytes[header + i] !== 0; i++) name += String.fromCharCode(bytes[header + i]!);
    const ctor = ARRAY_TYPES[view.getUint8(header + NAME_BYTES)];
    if (!ctor) fail(`section ${name} has an unknown element type`);
    const length = view.getUint32(header + NAME_BYTES + 4, true);
    const byteLength = length * ctor!.BYTES_PER_ELEMENT;
    if (offset + byteLength > buffer.byteLength) fail(`section ${name} runs past the end of the buffer`);
    found[name] = new ctor!(buffer, offset, length);
    offset = align8(offset + byteLength);
  }
  const out: Record<string, BundleArray> = {};
  for (const [name, ctor] of Object.entries(schema)) {
    const array = found[name];
    if (!array) fail(`missing section ${name}`);
    if (!(array instanceof ctor)) fail(`section ${name} should be ${ctor.name}`);
    out[name] = array!;
  }
  return out as Bundle<S>;
}
