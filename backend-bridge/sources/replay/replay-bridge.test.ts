import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCityPayload } from '../../city/city-payload';
import { PROTOCOL_VERSION, type ServerMessage, type TrafficFrame, decodeTrafficFrame } from '../../protocol';
import { TokenRegistry } from '../../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../../core/bridge-options';
import { type RunningBridge, startBridge } from '../../app/start-bridge';
import { type TestClient, nextOfType, openTestClient } from '../../app/test-client.fixture';
import type { LiveSource } from '../live-source';
import { chainCity } from '../simulator/chain-city.fixture';
import { SimulatorSource } from '../simulator/simulator-source';
import { RecordingFile } from './recording-file';
import { tempDir, testLog } from './recording.fixture';
import { ReplaySource } from './replay-source';

const city = chainCity(Array.from({ length: 6 }, () => ({ lengthM: 300, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 })), [2, 4]);
const cityVersion = encodeCityPayload(city).version;
const linkCount = city.meta.links.length;
const operatorToken = 'operator-secret';
const dir = tempDir();
const file = join(dir.dir, 'chain.ndjson');

async function bridgeWith(source: LiveSource, recordFile: string | null = null): Promise<RunningBridge> {
  const tokens = new TokenRegistry();
  tokens.add(operatorToken, 'operator');
  return startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city, tokens, source, heartbeatIntervalMs: 60_000, recordFile });
}

async function greeted(bridge: RunningBridge): Promise<TestClient> {
  const client = await openTestClient(bridge.origin);
  client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token: operatorToken });
  expect(await client.next()).toMatchObject({ type: 'welcome' });
  return client;
}

/** Source statuses and replies, up to and including the reply to request `id`. */
async function untilReplyTo(client: TestClient, id: string): Promise<ServerMessage[]> {
  const messages: ServerMessage[] = [];
  for (;;) {
    const message = await client.next();
    if (message.type !== 'source-status' && !('requestId' in message)) continue;
    messages.push(message);
    if ('requestId' in message && message.requestId === id) return messages;
  }
}

const decoded = (frame: ArrayBuffer) => decodeTrafficFrame(frame, linkCount);
const content = ({ seq, simTimeMs, speedKmh, densityVehPerKmLane, flowVehPerH, level }: TrafficFrame) => ({
  seq,
  simTimeMs,
  arrays: [speedKmh, densityVehPerKmLane, flowVehPerH, level].map((values) => Array.from(values)),
});

/** The frames a client of the recording bridge saw, by sequence number. */
const liveFrames = new Map<number, ReturnType<typeof content>>();

beforeAll(async () => {
  const simulator = new SimulatorSource(city, { sim: { seed: 7, warmUpS: 60 }, runner: { speedFactor: 60, publishHz: 20 } });
  const bridge = await bridgeWith(simulator, file);
  const client = await greeted(bridge);
  while (liveFrames.size < 20) {
    const frame = content(decoded(await client.nextBinary()));
    liveFrames.set(frame.seq, frame);
  }
  client.socket.close();
  await bridge.close();
});
afterAll(() => dir.remove());

describe('record and replay through the bridge', () => {
  let bridge: RunningBridge;
  let client: TestClient;
  let recording: RecordingFile;

  beforeAll(async () => {
    recording = RecordingFile.open(file, { id: city.meta.id, version: cityVersion, linkCount });
    bridge = await bridgeWith(new ReplaySource(recording, testLog, { speedFactor: 60, paused: true, coalesceSnapshots: false }));
    client = await greeted(bridge);
  });
  afterAll(() => bridge.close());

  it('tells a new client that the source is a paused replay, with the recording’s span', async () => {
    const status = await nextOfType(client, 'source-status');
    expect(status).toMatchObject({
      name: 'replay',
      state: 'live',
      reconnects: 0,
      rejected: [],
      replay: { paused: true, ended: false, speedFactor: 60, startSimTimeMs: recording.startSimTimeMs, endSimTimeMs: recording.endSimTimeMs },
    });
  });

  it('sends the client the frames the live client saw, in order, with the same sequence numbers, sim times and values', async () => {
    const recordedFrames = recording.entries.filter((entry) => entry.kind === 'traffic').length;
    expect(recordedFrames).toBeGreaterThanOrEqual(20);
    client.sendJson({ type: 'set-sim-clock', id: 'play', paused: false });
    const replayed: ReturnType<typeof content>[] = [];
    while (replayed.length < recordedFrames) replayed.push(content(decoded(await client.nextBinary())));
    expect(replayed.map((frame) => frame.seq)).toEqual(Array.from({ length: recordedFrames }, (_, i) => i + 1));
    const times = replayed.map((frame) => frame.simTimeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const frame of liveFrames.values()) expect(replayed[frame.seq - 1]).toEqual(frame);
  });

  it('seeks on an operator’s command and shows the moment sought', async () => {
    const target = Math.round((recording.startSimTimeMs + recording.endSimTimeMs) / 2);
    client.sendJson({ type: 'seek-replay', id: 'seek-1', simTimeMs: target });
    const before = await untilReplyTo(client, 'seek-1');
    expect(before.at(-1)).toEqual({ type: 'ack', requestId: 'seek-1' });
    expect(before.at(-2)).toMatchObject({ type: 'source-status', replay: { simTimeMs: target, ended: false } });
    const frame = decoded(await client.nextBinary());
    const framesUpToTarget = recording.entries.filter((entry) => entry.kind === 'traffic' && entry.simTimeMs <= target);
    expect(frame.simTimeMs).toBe(framesUpToTarget.at(-1)!.simTimeMs);
    // The frame keeps the number it was recorded with (frames were numbered 1, 2, … live), not this session's next one.
    expect(frame.seq).toBe(framesUpToTarget.length);
  });

  it('refuses a seek outside the recording, saying why', async () => {
    client.sendJson({ type: 'seek-replay', id: 'seek-2', simTimeMs: recording.endSimTimeMs + 60_000 });
    expect((await untilReplyTo(client, 'seek-2')).at(-1)).toMatchObject({ type: 'error', code: 'rejected', requestId: 'seek-2', message: expect.stringContaining('is outside the recording') });
  });
});
