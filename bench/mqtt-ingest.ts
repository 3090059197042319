/**
 * mqtt_ingest_msgs_per_s: detector messages per second the bridge turns into
 * traffic frames on a WebSocket client, on its one event-loop thread (one
 * core), for the demo city's links, against a Mosquitto the bench starts.
 *
 * One process holds the field publisher, the bridge and the client, but the
 * publisher does all its work before the clock starts: it fills the bridge's
 * persistent session while the bridge is away. The clock runs from the
 * bridge starting its source until the client holds the frame showing the
 * last message, so the figure is the bridge's drain rate (broker delivery,
 * checking, aggregation, framing), not the publisher's. Loopback only.
 */
import { performance } from 'node:perf_hooks';
import mqtt from 'mqtt';
import WebSocket from 'ws';
import { generateDemoCity } from '../backend-bridge/city/demo-city';
import { PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH, decodeTrafficFrame } from '../backend-bridge/protocol';
import { TokenRegistry } from '../backend-bridge/auth/token-registry';
import { BRIDGE_DEFAULTS } from '../backend-bridge/core/bridge-options';
import { startBridge } from '../backend-bridge/app/start-bridge';
import { startMosquitto } from '../backend-bridge/sources/mqtt/mosquitto.fixture';
import { MqttSource } from '../backend-bridge/sources/mqtt/mqtt-source';
import { sinkWith } from '../backend-bridge/sources/live-sink.fixture';

/** Speed the last message gives link 0, km/h: the frame showing it ends the clock. */
const SENTINEL_KMH = 123;
/** QoS 1 publishes in flight at once. */
const PUBLISH_BATCH = 1000;
/** Longest the bench waits for the sentinel frame, ms. */
const DRAIN_TIMEOUT_MS = 120_000;

/** @param messages detector messages queued for the bridge; @default 50_000 */
export async function measureMqttIngestMsgsPerS(messages = 50_000): Promise<number> {
  const city = generateDemoCity();
  const links = city.meta.links;
  // Unbounded queues: the whole backlog must wait for the bridge, not be dropped by the broker.
  const broker = await startMosquitto({ extraConfig: ['max_queued_messages 0', 'max_queued_bytes 0', 'max_inflight_messages 0'] });
  const sourceOptions = { url: broker.url, clientId: 'bench-bridge', holdReadingMs: 86_400_000 };
  try {
    // A first run creates the bridge's session with its subscriptions; stopping leaves it at the broker.
    const first = new MqttSource(city, sourceOptions);
    await new Promise<void>((resolve) => {
      first.start(sinkWith({ health: (h) => h.state !== 'down' && resolve() }));
    });
    first.stop();

    const field = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'bench-field' });
    const topicOf = (index: number) => `citybrain/${city.meta.id}/detector/${links[index]!.id}`;
    const baseTs = Date.now() - 60_000;
    // In batches: QoS 1 has 65,535 message ids, and the broker's acks keep the batch moving.
    for (let batchStart = 0; batchStart < messages; batchStart += PUBLISH_BATCH) {
      const publishes: Promise<unknown>[] = [];
      for (let i = batchStart; i < Math.min(messages, batchStart + PUBLISH_BATCH); i++) {
        const last = i === messages - 1;
        const link = last ? 0 : i % links.length;
        const reading = { ts: baseTs + i, speedKmh: last ? SENTINEL_KMH : 20 + (i % 40), flowVehPerH: 600 + (i % 900), occupancyPct: i % 30 };
        publishes.push(field.publishAsync(topicOf(link), JSON.stringify(reading), { qos: 1 }));
      }
      await Promise.all(publishes);
    }
    await field.endAsync();

    const source = new MqttSource(city, sourceOptions);
    // The clock starts when the bridge starts the source, after it encoded the city for HTTP.
    let startMs = 0;
    const startSource = source.start.bind(source);
    source.start = (sink) => {
      startMs = performance.now();
      startSource(sink);
    };
    const bridge = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city, tokens: new TokenRegistry(), source });
    try {
      await sentinelFrame(bridge.origin, links.length);
      return messages / ((performance.now() - startMs) / 1000);
    } finally {
      await bridge.close();
    }
  } finally {
    await broker.dispose();
  }
}

/** Resolves when a traffic frame shows the sentinel speed on link 0. */
function sentinelFrame(origin: string, linkCount: number): Promise<void> {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}${WS_PATH}`, [SUBPROTOCOL]);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no frame showed the last message within ${DRAIN_TIMEOUT_MS} ms`)), DRAIN_TIMEOUT_MS);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION })));
    socket.on('error', reject);
    socket.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return;
      const frame = decodeTrafficFrame(new Uint8Array(data).slice().buffer, linkCount);
      if (frame.speedKmh[0] !== SENTINEL_KMH) return;
      clearTimeout(timer);
      resolve();
    });
  }).finally(() => socket.close());
}
