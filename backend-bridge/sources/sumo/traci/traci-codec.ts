/**
 * TraCI's wire format: big-endian primitives, typed values (a type byte then
 * the value), commands (a length, the command id, the content) and messages (a
 * 32-bit total length, then commands). Pure byte work, no sockets, so it tests
 * on crafted buffers.
 *
 * A command's length is one byte when the whole command (length byte and id
 * included) fits in 255 bytes; otherwise the byte is 0 and a 32-bit length
 * follows, counting itself and that zero byte too.
 */

/** Type tags of typed values, as SUMO's `TYPE_*` constants. */
export const TypeTag = {
  ubyte: 0x07,
  byte: 0x08,
  int: 0x09,
  double: 0x0b,
  string: 0x0c,
  stringList: 0x0e,
  compound: 0x0f,
  doubleList: 0x10,
  color: 0x11,
} as const;

/** One typed value; a compound holds typed values in order. */
export type TraciValue =
  | { type: 'ubyte'; value: number }
  | { type: 'byte'; value: number }
  | { type: 'int'; value: number }
  | { type: 'double'; value: number }
  | { type: 'string'; value: string }
  | { type: 'stringList'; value: string[] }
  | { type: 'doubleList'; value: number[] }
  | { type: 'color'; value: [number, number, number, number] }
  | { type: 'compound'; value: TraciValue[] };

const SHORT_LENGTH_MAX = 255;

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;

/** Reads primitives and typed values from a buffer, with a clear error when it runs short. */
export class ByteReader {
  private offset = 0;

  constructor(private readonly bytes: Buffer) {}

  /** Bytes not read yet. */
  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private take(count: number): number {
    if (count > this.remaining) {
      throw new Error(`TraCI data truncated: needed ${count} byte(s) at offset ${this.offset}, ${this.remaining} left`);
    }
    const at = this.offset;
    this.offset += count;
    return at;
  }

  ubyte(): number {
    return this.bytes.readUInt8(this.take(1));
  }

  byte(): number {
    return this.bytes.readInt8(this.take(1));
  }

  int(): number {
    return this.bytes.readInt32BE(this.take(4));
  }

  double(): number {
    return this.bytes.readDoubleBE(this.take(8));
  }

  string(): string {
    const length = this.int();
    if (length < 0) throw new Error(`TraCI data corrupt: string length ${length}`);
    const at = this.take(length);
    return this.bytes.toString('utf8', at, at + length);
  }

  stringList(): string[] {
    return Array.from({ length: this.count('string list') }, () => this.string());
  }

  /** Hands over the next `count` bytes as their own reader. */
  slice(count: number): ByteReader {
    const at = this.take(count);
    return new ByteReader(this.bytes.subarray(at, at + count));
  }

  /** A typed value: its type byte, then the value. */
  typed(): TraciValue {
    const tag = this.ubyte();
    switch (tag) {
      case TypeTag.ubyte:
        return { type: 'ubyte', value: this.ubyte() };
      case TypeTag.byte:
        return { type: 'byte', value: this.byte() };
      case TypeTag.int:
        return { type: 'int', value: this.int() };
      case TypeTag.double:
        return { type: 'double', value: this.double() };
      case TypeTag.string:
        return { type: 'string', value: this.string() };
      case TypeTag.stringList:
        return { type: 'stringList', value: this.stringList() };
      case TypeTag.doubleList:
        return { type: 'doubleList', value: Array.from({ length: this.count('double list') }, () => this.double()) };
      case TypeTag.color:
        return { type: 'color', value: [this.ubyte(), this.ubyte(), this.ubyte(), this.ubyte()] };
      case TypeTag.compound:
        return { type: 'compound', value: Array.from({ length: this.count('compound') }, () => this.typed()) };
      default:
        throw new Error(`TraCI value of unknown type ${hex(tag)}`);
    }
  }

  private count(what: string): number {
    const count = this.int();
    // Each item takes at least one byte, so a larger count is corrupt data, not a huge allocation.
    if (count < 0 || count > this.remaining) throw new Error(`TraCI data corrupt: ${what} of ${count} items`);
    return count;
  }
}

/** Builds a byte sequence from primitives and typed values. */
export class ByteWriter {
  private readonly chunks: Buffer[] = [];

  ubyte(value: number): this {
    this.chunks.push(Buffer.from([value & 0xff]));
    return this;
  }

  byte(value: number): this {
    const chunk = Buffer.alloc(1);
    chunk.writeInt8(value);
    this.chunks.push(chunk);
    return this;
  }

  int(value: number): this {
    const chunk = Buffer.alloc(4);
    chunk.writeInt32BE(value);
    this.chunks.push(chunk);
    return this;
  }

  double(value: number): this {
    const chunk = Buffer.alloc(8);
    chunk.writeDoubleBE(value);
    this.chunks.push(chunk);
    return this;
  }

  string(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    this.int(bytes.length);
    this.chunks.push(bytes);
    return this;
  }

  stringList(values: readonly string[]): this {
    this.int(values.length);
    for (const value of values) this.string(value);
    return this;
  }

  bytes(bytes: Buffer): this {
    this.chunks.push(bytes);
    return this;
  }

  typed(value: TraciValue): this {
    this.ubyte(TypeTag[value.type]);
    switch (value.type) {
      case 'ubyte':
        return this.ubyte(value.value);
      case 'byte':
        return this.byte(value.value);
      case 'int':
        return this.int(value.value);
      case 'double':
        return this.double(value.value);
      case 'string':
        return this.string(value.value);
      case 'stringList':
        return this.stringList(value.value);
      case 'doubleList':
        this.int(value.value.length);
        for (const item of value.value) this.double(item);
        return this;
      case 'color':
        for (const channel of value.value) this.ubyte(channel);
        return this;
      case 'compound':
        this.int(value.value.length);
        for (const item of value.value) this.typed(item);
        return this;
    }
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** One command: its id and its content, length prefix added. */
export function encodeCommand(commandId: number, content: Buffer = Buffer.alloc(0)): Buffer {
  const shortLength = 1 + 1 + content.length;
  if (shortLength <= SHORT_LENGTH_MAX) {
    return new ByteWriter().ubyte(shortLength).ubyte(commandId).bytes(content).toBuffer();
  }
  return new ByteWriter()
    .ubyte(0)
    .int(1 + 4 + 1 + content.length)
    .ubyte(commandId)
    .bytes(content)
    .toBuffer();
}

/** A message: the 32-bit total length (itself included), then the commands. */
export function encodeMessage(commands: readonly Buffer[]): Buffer {
  const body = Buffer.concat(commands);
  return new ByteWriter().int(4 + body.length).bytes(body).toBuffer();
}

/** Splits the first message off the bytes received so far (its body without the length), or null while bytes are missing. */
export function takeMessage(received: Buffer): { body: Buffer; rest: Buffer } | null {
  if (received.length < 4) return null;
  const length = received.readInt32BE(0);
  if (length < 4) throw new Error(`TraCI message with impossible length ${length}`);
  if (received.length < length) return null;
  return { body: received.subarray(4, length), rest: received.subarray(length) };
}

export interface DecodedCommand {
  commandId: number;
  /** Its content alone, the length and id already read. */
  content: ByteReader;
}

/** Reads one command (short or long length form) off a message body. */
export function readCommand(reader: ByteReader): DecodedCommand {
  const shortLength = reader.ubyte();
  let contentLength: number;
  if (shortLength === 0) {
    contentLength = reader.int() - (1 + 4 + 1);
  } else {
    contentLength = shortLength - (1 + 1);
  }
  if (contentLength < 0) throw new Error(`TraCI data corrupt: command length ${shortLength || contentLength}`);
  const commandId = reader.ubyte();
  return { commandId, content: reader.slice(contentLength) };
}

export interface CommandStatus {
  commandId: number;
  /** 0x00 ok, 0x01 not implemented, 0xff error. */
  result: number;
  /** SUMO's words; empty when all went well. */
  description: string;
}

/** Every command SUMO answers starts with a status command. */
export function readStatus(reader: ByteReader): CommandStatus {
  const { commandId, content } = readCommand(reader);
  return { commandId, result: content.ubyte(), description: content.string() };
}

/** The items of a compound (of `size` items when given), or an error naming `what`. */
export function asCompound(value: TraciValue | undefined, what: string, size?: number): TraciValue[] {
  if (value?.type !== 'compound') throw new Error(`TraCI ${what}: expected a compound, got ${value?.type ?? 'nothing'}`);
  if (size !== undefined && value.value.length !== size) throw new Error(`TraCI ${what}: expected ${size} items, got ${value.value.length}`);
  return value.value;
}

export function asInt(value: TraciValue | undefined): number {
  if (value?.type !== 'int') throw new Error(`TraCI: expected an int, got ${value?.type ?? 'nothing'}`);
  return value.value;
}

export function asDouble(value: TraciValue | undefined): number {
  if (value?.type !== 'double') throw new Error(`TraCI: expected a double, got ${value?.type ?? 'nothing'}`);
  return value.value;
}

export function asString(value: TraciValue | undefined): string {
  if (value?.type !== 'string') throw new Error(`TraCI: expected a string, got ${value?.type ?? 'nothing'}`);
  return value.value;
}

export function asStringList(value: TraciValue | undefined): string[] {
  if (value?.type !== 'stringList') throw new Error(`TraCI: expected a string list, got ${value?.type ?? 'nothing'}`);
  return value.value;
}
