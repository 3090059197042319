/**
 * Opens a recording for replay: checks its header against the city the
 * bridge serves, then indexes every line (byte range, sim time, kind) in one
 * streaming pass, so seeking is a binary search and only the lines replayed
 * are read and decoded, however long the file.
 *
 * A last line cut short (the recorder crashed mid-write) ends the recording
 * there with a warning; a bad line anywhere else is corruption and an error
 * naming the file and the line.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ValidationError } from '../../protocol';
import { type RecordedEvent, type RecordedKind, type RecordingHeader, checkRecordingHeader, decodeEvent, readLineHead } from './recording-format';

/** What a recording must match to be replayed into a city. */
export interface ReplayCity {
  id: string;
  /** Content version of the city (`encodeCityPayload`). */
  version: string;
  linkCount: number;
}

export interface RecordingIndexEntry {
  /** Byte offset of the line in the file, and its length without the newline. */
  offset: number;
  length: number;
  simTimeMs: number;
  kind: RecordedKind;
}

const CHUNK_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export class RecordingError extends Error {
  override name = 'RecordingError';
}

export class RecordingFile {
  private constructor(
    readonly file: string,
    readonly header: RecordingHeader,
    readonly entries: readonly RecordingIndexEntry[],
    /** Set when the file ended in a cut line: what was dropped, for the log and the UI. */
    readonly truncationWarning: string | null,
    private fd: number | null,
  ) {}

  /** Opens and indexes `file`; throws RecordingError naming the file (and both city ids on a mismatch). */
  static open(file: string, city: ReplayCity): RecordingFile {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw new RecordingError(`cannot open recording ${file}: ${(error as Error).message}`);
    }
    try {
      const { header, entries, truncationWarning } = indexLines(fd, file, city);
      return new RecordingFile(file, header, entries, truncationWarning, fd);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  get startSimTimeMs(): number {
    return this.entries[0]!.simTimeMs;
  }

  get endSimTimeMs(): number {
    return this.entries[this.entries.length - 1]!.simTimeMs;
  }

  /** Index of the first entry whose sim time is after `simTimeMs` (entries.length when none is). */
  firstAfter(simTimeMs: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle]!.simTimeMs <= simTimeMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Reads and decodes entry `index`; throws ValidationError naming the file and line when its payload is bad. */
  read(index: number): RecordedEvent {
    if (this.fd === null) throw new RecordingError(`recording ${this.file} is closed`);
    const entry = this.entries[index]!;
    const bytes = Buffer.allocUnsafe(entry.length);
    readSync(this.fd, bytes, 0, entry.length, entry.offset);
    const path = lineName(this.file, index + 2);
    return decodeEvent(readLineHead(bytes.toString('utf8'), path), this.header.linkCount, path);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Lines are named from 1, the header being line 1. */
const lineName = (file: string, lineNumber: number) => `${file}:${lineNumber}`;

function indexLines(fd: number, file: string, city: ReplayCity) {
  const entries: RecordingIndexEntry[] = [];
  let header: RecordingHeader | null = null;
  let lineNumber = 0;
  let cut: { lineNumber: number; error: ValidationError } | null = null;

  const take = (bytes: Buffer, offset: number): void => {
    lineNumber++;
    if (bytes.length === 0) return;
    if (cut) throw new RecordingError(cut.error.message);
    const text = bytes.toString('utf8');
    if (header === null) {
      header = readHeader(text, file, city);
      return;
    }
    try {
      const head = readLineHead(text, lineName(file, lineNumber));
      entries.push({ offset, length: bytes.length, simTimeMs: head.simTimeMs, kind: head.kind });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Only the last line can be cut by a crash; remember it and fail if another line follows.
      cut = { lineNumber, error };
    }
  };

  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let pending = Buffer.alloc(0);
  let pendingOffset = 0;
  let position = 0;
  for (;;) {
    const read = readSync(fd, chunk, 0, CHUNK_BYTES, position);
    if (read === 0) break;
    const data = pending.length > 0 ? Buffer.concat([pending, chunk.subarray(0, read)]) : chunk.subarray(0, read);
    let start = 0;
    for (let newline = data.indexOf(NEWLINE, start); newline >= 0; newline = data.indexOf(NEWLINE, start)) {
      take(data.subarray(start, newline), pendingOffset + start);
      start = newline + 1;
    }
    pending = Buffer.from(data.subarray(start));
    pendingOffset += start;
    position += read;
  }
  if (pending.length > 0) take(pending, pendingOffset);

  if (header === null) throw new RecordingError(`recording ${file} is empty (no header line)`);
  if (entries.length === 0) throw new RecordingError(`recording ${file} holds no events`);
  const dropped = cut as { lineNumber: number; error: ValidationError } | null;
  const truncationWarning = dropped
    ? `recording ${file} is cut short at line ${dropped.lineNumber} (${dropped.error.reason}); replaying the ${entries.length} complete events before it`
    : null;
  return { header: header as RecordingHeader, entries, truncationWarning };
}

function readHeader(text: string, file: string, city: ReplayCity): RecordingHeader {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RecordingError(`${lineName(file, 1)}: the header is not valid JSON; is this a City Brain recording?`);
  }
  let header: RecordingHeader;
  try {
    header = checkRecordingHeader(json, 'header');
  } catch (error) {
    throw new RecordingError(`${lineName(file, 1)}: ${(error as Error).message}`);
  }
  if (header.cityId !== city.id) {
    throw new RecordingError(`recording ${file} is of city "${header.cityId}", but this bridge serves city "${city.id}"`);
  }
  if (header.cityVersion !== city.version || header.linkCount !== city.linkCount) {
    throw new RecordingError(
      `recording ${file} is of city "${header.cityId}" version ${header.cityVersion} (${header.linkCount} links), ` +
        `but this bridge serves version ${city.version} (${city.linkCount} links)`,
    );
  }
  return header;
}
