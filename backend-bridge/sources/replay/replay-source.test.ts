import { appendFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceRequestError } from '../live-source';
import { RecordingFile } from './recording-file';
import { CollectingSink, START_SIM_MS, TEST_CITY, recordScript, tempDir, testLog } from './recording.fixture';
import { ReplaySource, type ReplaySourceOptions } from './replay-source';
import { StreamRecorder } from './stream-recorder';

let dir: ReturnType<typeof tempDir>;
let file: string;
let source: ReplaySource | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  dir = tempDir();
  file = join(dir.dir, 'session.ndjson');
});
afterEach(() => {
  source?.stop();
  source = undefined;
  vi.useRealTimers();
  dir.remove();
});

/** A replay on the fake clock that sends every frame (coalescing has a test of its own). */
function replay(options: ReplaySourceOptions = {}): CollectingSink {
  source = new ReplaySource(RecordingFile.open(file, TEST_CITY), testLog, { now: () => Date.now(), coalesceSnapshots: false, ...options });
  const sink = new CollectingSink();
  source.start(sink);
  return sink;
}

describe('ReplaySource', () => {
  it('replays every recorded frame in order with its original sequence number, sim time and values', () => {
    recordScript(file, 20);
    const sink = replay({ speedFactor: 10 });
    vi.advanceTimersByTime(2100);
    expect(sink.traffic.map((t) => t.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(sink.traffic.map((t) => t.simTimeMs)).toEqual(Array.from({ length: 20 }, (_, i) => START_SIM_MS + i * 1000));
    expect(Array.from(sink.traffic[7]!.speedKmh)).toEqual([37, 38, 39]);
    expect(Array.from(sink.traffic[7]!.flowVehPerH)).toEqual([900, 1000, 1100]);
    expect(sink.areas).toEqual([0, 5, 10, 15].map((s) => START_SIM_MS + s * 1000));
    expect(sink.incidentLists).toEqual([1]);
  });

  it('paces lines by sim time at the asked speed', () => {
    recordScript(file, 60);
    const sink = replay({ speedFactor: 10 });
    vi.advanceTimersByTime(1000);
    // 10 sim seconds in one wall second: frames at 0 … 10 s.
    expect(sink.traffic).toHaveLength(11);
    source!.setClock({ speedFactor: 60 });
    vi.advanceTimersByTime(500);
    expect(sink.traffic).toHaveLength(41);
  });

  it('sends only the latest traffic and area figures of those due in one tick, but every other event', () => {
    recordScript(file, 60);
    const sink = replay({ speedFactor: 60, coalesceSnapshots: true });
    vi.advanceTimersByTime(50);
    // 3 sim seconds in the first 50 ms tick: frames of 0 … 3 s are due, only the last is sent.
    expect(sink.traffic.map((t) => t.seq)).toEqual([4]);
    expect(sink.areas).toEqual([START_SIM_MS]);
    expect(sink.incidentLists).toEqual([1]);
    vi.advanceTimersByTime(1000);
    // Every later tick covers 3 more sim seconds: the frames of 6 s, 9 s, … 57 s, then the last one at 59 s.
    expect(sink.traffic.map((t) => t.seq)).toEqual([...Array.from({ length: 19 }, (_, i) => 4 + 3 * i), 60]);
  });

  it('reports the time of its last event in its health while playing', () => {
    recordScript(file, 60);
    const sink = replay({ speedFactor: 10 });
    expect(sink.healths).toEqual([{ state: 'live', lastMessageAtMs: null, reconnects: 0, rejected: [] }]);
    vi.advanceTimersByTime(2500);
    expect(sink.healths.length).toBeGreaterThanOrEqual(2);
    expect(sink.healths.at(-1)!.lastMessageAtMs).toBeGreaterThan(Date.now() - 1100);
  });

  it('reports the speed it achieves, and 0 while paused', () => {
    recordScript(file, 60);
    const sink = replay({ speedFactor: 10 });
    vi.advanceTimersByTime(2000);
    expect(sink.clocks.at(-1)!.achievedSpeedFactor).toBeCloseTo(10, 0);
    source!.setClock({ paused: true });
    expect(sink.clocks.at(-1)!.achievedSpeedFactor).toBe(0);
  });

  it('stands still while paused and reports the pause in its clock', () => {
    recordScript(file, 30);
    const sink = replay({ speedFactor: 10 });
    vi.advanceTimersByTime(500);
    const before = sink.traffic.length;
    source!.setClock({ paused: true });
    vi.advanceTimersByTime(5000);
    expect(sink.traffic).toHaveLength(before);
    expect(sink.clocks.at(-1)).toMatchObject({ paused: true, achievedSpeedFactor: 0, speedFactor: 10 });
    expect(source!.position()).toMatchObject({ paused: true, ended: false, startSimTimeMs: START_SIM_MS, endSimTimeMs: START_SIM_MS + 29_000 });
  });

  it('refuses speeds outside 1–60× and staged incidents', () => {
    recordScript(file, 5);
    replay();
    expect(() => source!.setClock({ speedFactor: 61 })).toThrow(SourceRequestError);
    expect(() => source!.setClock({ speedFactor: 0.5 })).toThrow('replay speed must be 1× to 60×, got 0.5');
    expect(() => source!.createIncident()).toThrow('cannot stage incidents');
  });

  it('seeks: sends the latest state at once and continues from there', () => {
    recordScript(file, 60);
    const sink = replay({ speedFactor: 1, paused: true });
    source!.seek(START_SIM_MS + 42_500);
    // The frame of 42 s, the area figures of 40 s and the incidents of 0 s.
    expect(sink.traffic.map((t) => t.seq)).toEqual([43]);
    expect(sink.areas).toEqual([START_SIM_MS + 40_000]);
    expect(sink.incidentLists).toEqual([1]);
    expect(sink.clocks.at(-1)).toMatchObject({ simTimeMs: START_SIM_MS + 42_500, paused: true });
    source!.setClock({ paused: false });
    vi.advanceTimersByTime(1000);
    expect(sink.traffic.map((t) => t.seq)).toEqual([43, 44]);
    expect(() => source!.seek(START_SIM_MS - 1)).toThrow('is outside the recording');
  });

  it('pauses at the end and starts over when resumed', () => {
    recordScript(file, 10);
    const sink = replay({ speedFactor: 60 });
    vi.advanceTimersByTime(1000);
    expect(source!.position()).toMatchObject({ ended: true, paused: true });
    source!.setClock({ paused: false });
    expect(sink.traffic.at(-1)!.seq).toBe(1);
    expect(source!.position()).toMatchObject({ ended: false, paused: false, simTimeMs: START_SIM_MS });
  });

  it('replays the complete prefix of a truncated file, with a warning in its health', () => {
    recordScript(file, 10);
    const text = readFileSync(file, 'utf8');
    truncateSync(file, Buffer.byteLength(text) - 40);
    const recording = RecordingFile.open(file, TEST_CITY);
    expect(recording.truncationWarning).toMatch(/is cut short at line \d+ \(is not valid JSON\); replaying the \d+ complete events before it/);
    source = new ReplaySource(recording, testLog, { now: () => Date.now(), speedFactor: 60, coalesceSnapshots: false });
    const sink = new CollectingSink();
    source.start(sink);
    vi.advanceTimersByTime(1000);
    expect(sink.traffic.map((t) => t.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sink.healths[0]!.rejected).toEqual([{ channel: file, count: 1, lastReason: recording.truncationWarning }]);
  });

  it('skips a line whose payload is bad, counting it in its health', () => {
    recordScript(file, 3);
    appendFileSync(file, `${JSON.stringify({ t: START_SIM_MS + 3000, k: 'traffic', seq: 4, d: 'bm90IGRlZmxhdGVk' })}\n`);
    const sink = replay({ speedFactor: 60 });
    vi.advanceTimersByTime(500);
    expect(sink.traffic).toHaveLength(3);
    expect(sink.healths.at(-1)!.rejected).toEqual([{ channel: file, count: 1, lastReason: `${file}:8.d: is not deflated base64 data` }]);
  });
});

describe('RecordingFile', () => {
  it('refuses a recording of another city, naming both ids', () => {
    recordScript(file, 3, { id: 'linjiang', version: 'v1', linkCount: 3 });
    expect(() => RecordingFile.open(file, TEST_CITY)).toThrow(`recording ${file} is of city "linjiang", but this bridge serves city "tiny"`);
  });

  it('refuses a recording of another version of the city', () => {
    recordScript(file, 3, { ...TEST_CITY, version: 'v0' });
    expect(() => RecordingFile.open(file, TEST_CITY)).toThrow('version v0 (3 links), but this bridge serves version v1 (3 links)');
  });

  it('names the file and line of a bad line in the middle', () => {
    recordScript(file, 3);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = '{"t":1,"k":"weather"}';
    writeFileSync(file, lines.join('\n'));
    expect(() => RecordingFile.open(file, TEST_CITY)).toThrow(`${file}:3.k: expected one of traffic`);
  });

  it('refuses a file that is not a recording, or has no events', () => {
    writeFileSync(file, 'hello\n');
    expect(() => RecordingFile.open(file, TEST_CITY)).toThrow(`${file}:1: the header is not valid JSON`);
    writeFileSync(file, `${JSON.stringify({ format: 'citybrain-recording', version: 2 })}\n`);
    expect(() => RecordingFile.open(file, TEST_CITY)).toThrow(`${file}:1: header.version: expected 1, got 2`);
    recordScript(file.replace('session', 'empty'), 0);
    expect(() => RecordingFile.open(file.replace('session', 'empty'), TEST_CITY)).toThrow('holds no events');
    expect(() => RecordingFile.open(join(dir.dir, 'missing.ndjson'), TEST_CITY)).toThrow('cannot open recording');
  });
});

describe('StreamRecorder', () => {
  it('refuses to overwrite or extend an existing file', () => {
    recordScript(file, 1);
    expect(() => new StreamRecorder(file, { cityId: 'tiny', cityVersion: 'v1', linkCount: 3, source: 's' }, testLog)).toThrow(
      `cannot record to ${file}: the file exists; record to a new file`,
    );
  });

  it('writes a header and one line per event', () => {
    recordScript(file, 5);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'citybrain-recording', version: 1, cityId: 'tiny', cityVersion: 'v1', linkCount: 3 });
    // 5 frames, area + clock at 0 s, incidents at 0 s.
    expect(lines).toHaveLength(1 + 5 + 3);
  });
});
