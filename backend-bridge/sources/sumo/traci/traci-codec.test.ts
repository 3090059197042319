import { describe, expect, it } from 'vitest';
import {
  ByteReader,
  ByteWriter,
  type TraciValue,
  encodeCommand,
  encodeMessage,
  readCommand,
  readStatus,
  takeMessage,
} from './traci-codec';

const bytes = (...values: number[]) => Buffer.from(values);

describe('typed values', () => {
  it('encodes each type as its tag then big-endian bytes', () => {
    const cases: [TraciValue, Buffer][] = [
      [{ type: 'ubyte', value: 200 }, bytes(0x07, 200)],
      [{ type: 'byte', value: -2 }, bytes(0x08, 0xfe)],
      [{ type: 'int', value: 258 }, bytes(0x09, 0, 0, 1, 2)],
      [{ type: 'double', value: 1.5 }, bytes(0x0b, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0)],
      [{ type: 'string', value: 'ab' }, bytes(0x0c, 0, 0, 0, 2, 0x61, 0x62)],
      [{ type: 'stringList', value: ['a', ''] }, bytes(0x0e, 0, 0, 0, 2, 0, 0, 0, 1, 0x61, 0, 0, 0, 0)],
      [{ type: 'doubleList', value: [2] }, bytes(0x10, 0, 0, 0, 1, 0x40, 0, 0, 0, 0, 0, 0, 0)],
      [{ type: 'color', value: [1, 2, 3, 255] }, bytes(0x11, 1, 2, 3, 255)],
      [
        { type: 'compound', value: [{ type: 'int', value: -1 }, { type: 'ubyte', value: 7 }] },
        bytes(0x0f, 0, 0, 0, 2, 0x09, 0xff, 0xff, 0xff, 0xff, 0x07, 7),
      ],
    ];
    for (const [value, encoded] of cases) {
      expect(new ByteWriter().typed(value).toBuffer(), value.type).toEqual(encoded);
      const reader = new ByteReader(encoded);
      expect(reader.typed(), value.type).toEqual(value);
      expect(reader.remaining).toBe(0);
    }
  });

  it('round-trips nested compounds and non-ASCII strings', () => {
    const value: TraciValue = {
      type: 'compound',
      value: [
        { type: 'string', value: 'Köln-Süd' },
        { type: 'compound', value: [{ type: 'stringList', value: ['x', 'ÿ'] }, { type: 'double', value: -0.25 }] },
      ],
    };
    expect(new ByteReader(new ByteWriter().typed(value).toBuffer()).typed()).toEqual(value);
  });

  it('names an unknown type tag', () => {
    expect(() => new ByteReader(bytes(0x42, 0)).typed()).toThrow('unknown type 0x42');
  });

  it('says where the data ran short instead of reading past it', () => {
    expect(() => new ByteReader(bytes(0x09, 0, 0)).typed()).toThrow('needed 4 byte(s) at offset 1, 2 left');
    expect(() => new ByteReader(bytes(0x0c, 0, 0, 0, 9, 0x61)).typed()).toThrow('truncated');
  });

  it('rejects a list count larger than the bytes that follow', () => {
    expect(() => new ByteReader(bytes(0x0f, 0x7f, 0xff, 0xff, 0xff)).typed()).toThrow('compound of 2147483647 items');
  });
});

describe('commands', () => {
  it('uses the one-byte length when the command fits in 255 bytes', () => {
    const command = encodeCommand(0x02, Buffer.alloc(253, 1));
    expect(command.length).toBe(255);
    expect(command[0]).toBe(255);
    expect(command[1]).toBe(0x02);
    const decoded = readCommand(new ByteReader(command));
    expect(decoded.commandId).toBe(0x02);
    expect(decoded.content.remaining).toBe(253);
  });

  it('switches to a zero byte and a 32-bit length above 255 bytes', () => {
    const content = Buffer.alloc(254, 7);
    const command = encodeCommand(0xc2, content);
    expect(command.length).toBe(1 + 4 + 1 + 254);
    expect([...command.subarray(0, 6)]).toEqual([0, 0, 0, 0x01, 0x04, 0xc2]);
    const reader = new ByteReader(Buffer.concat([command, bytes(9)]));
    const decoded = readCommand(reader);
    expect(decoded.commandId).toBe(0xc2);
    expect(decoded.content.remaining).toBe(254);
    expect(reader.remaining).toBe(1);
  });

  it('reads a status with SUMO’s description', () => {
    const content = new ByteWriter().ubyte(0xff).string('No such phase').toBuffer();
    expect(readStatus(new ByteReader(encodeCommand(0xc2, content)))).toEqual({
      commandId: 0xc2,
      result: 0xff,
      description: 'No such phase',
    });
  });
});

describe('messages', () => {
  it('prefixes the commands with a total length that counts itself', () => {
    const message = encodeMessage([encodeCommand(0x00), encodeCommand(0x7f)]);
    expect([...message]).toEqual([0, 0, 0, 8, 2, 0x00, 2, 0x7f]);
  });

  it('waits for a whole message and keeps what follows it', () => {
    const first = encodeMessage([encodeCommand(0x00)]);
    const second = encodeMessage([encodeCommand(0x7f)]);
    const received = Buffer.concat([first, second.subarray(0, 3)]);
    expect(takeMessage(received.subarray(0, 3))).toBeNull();
    expect(takeMessage(received.subarray(0, first.length - 1))).toBeNull();
    const taken = takeMessage(received);
    expect([...(taken?.body ?? [])]).toEqual([2, 0x00]);
    expect(taken?.rest).toEqual(second.subarray(0, 3));
  });

  it('frames a long message of long commands', () => {
    const longCommand = encodeCommand(0xc2, new ByteWriter().string('x'.repeat(600)).toBuffer());
    const message = encodeMessage([longCommand]);
    expect(message.readInt32BE(0)).toBe(4 + 1 + 4 + 1 + 604);
    const taken = takeMessage(message);
    const command = readCommand(new ByteReader(taken?.body ?? Buffer.alloc(0)));
    expect(command.content.string()).toHaveLength(600);
  });

  it('rejects a length that cannot be', () => {
    expect(() => takeMessage(bytes(0, 0, 0, 2))).toThrow('impossible length 2');
  });
});
