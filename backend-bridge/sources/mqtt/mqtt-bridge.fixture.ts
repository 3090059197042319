/**
 * A bridge on the MQTT source for tests: Mosquitto, the bridge on the tiny
 * city, a greeted WebSocket client and a publisher standing in for the field.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { PROTOCOL_VERSION, decodeTrafficFrame } from '../../protocol';
import { TokenRegistry } from '../../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../../core/bridge-options';
import { type RunningBridge, startBridge } from '../../app/start-bridge';
import { type TestClient, openTestClient } from '../../app/test-client.fixture';
import { tinyCity } from '../../city/tiny-city.fixture';
import { type Mosquitto, startMosquitto } from './mosquitto.fixture';
import { MqttSource } from './mqtt-source';
import type { MqttSourceOptions } from './mqtt-source-options';

export const TOPIC = 'citybrain/tiny';

export interface MqttBridge {
  broker: Mosquitto;
  source: MqttSource;
  bridge: RunningBridge;
  client: TestClient;
  field: MqttClient;
  close(): Promise<void>;
}

/** Starts everything; `options` override the source's (its `url` defaults to the broker). */
export async function startMqttBridge(options: Partial<MqttSourceOptions> = {}, broker?: Mosquitto): Promise<MqttBridge> {
  // Mosquitto drops QoS 1 messages beyond 1000 queued for a slow client by default; the flood tests send more.
  const ownBroker = broker ?? (await startMosquitto({ extraConfig: ['max_queued_messages 10000'] }));
  const source = new MqttSource(tinyCity(), { url: ownBroker.url, clientId: `bridge-${process.pid}-${Date.now()}`, reconnectInitialDelayMs: 50, reconnectMaxDelayMs: 400, ...options });
  const bridge = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city: tinyCity(), tokens: new TokenRegistry(), source, heartbeatIntervalMs: 1000 });
  const client = await openTestClient(bridge.origin);
  client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION });
  const field = await mqtt.connectAsync(ownBroker.url, { protocolVersion: 5, clientId: `field-${process.pid}-${Date.now()}`, reconnectPeriod: 100 });
  return {
    broker: ownBroker,
    source,
    bridge,
    client,
    field,
    close: async () => {
      client.socket.close();
      await field.endAsync(true);
      await bridge.close();
      if (!broker) await ownBroker.dispose();
    },
  };
}

/** Publishes a detector reading for a link at QoS 1. */
export async function publishReading(field: MqttClient, linkId: string, speedKmh: number, ts = Date.now()): Promise<void> {
  await field.publishAsync(`${TOPIC}/detector/${linkId}`, JSON.stringify({ ts, speedKmh, flowVehPerH: 900, occupancyPct: 12 }), { qos: 1 });
}

/** Reads traffic frames until link `index` shows `speedKmh`; fails after `timeoutMs` so a broken path cannot hang the test. */
export async function frameWithSpeed(client: TestClient, index: number, speedKmh: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  while (Date.now() < deadline) {
    const buffer = await withTimeout(client.nextBinary(), deadline - Date.now());
    if (!buffer) break;
    seen = decodeTrafficFrame(buffer, tinyCity().meta.links.length).speedKmh[index]!;
    if (seen === speedKmh) return;
  }
  throw new Error(`link ${index} still shows ${seen} km/h after ${timeoutMs} ms, expected ${speedKmh}`);
}

/** The promise's value, or null when it takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, ms))));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `condition` every 20 ms; fails naming `what` after `timeoutMs`. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
