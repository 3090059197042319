/**
 * The MQTT source losing its broker: a broker restart and a bridge cut off
 * the network. Health goes down and comes back, data flows again, and what
 * was published meanwhile arrives — nothing the broker took is lost.
 */
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { tinyCity } from '../../city/tiny-city.fixture';
import { nextOfType } from '../../app/test-client.fixture';
import type { SourceHealth } from '../live-source';
import { sinkWith } from '../live-sink.fixture';
import { startMosquitto } from './mosquitto.fixture';
import { MqttSource } from './mqtt-source';
import { type MqttBridge, TOPIC, eventually, frameWithSpeed, publishReading, startMqttBridge } from './mqtt-bridge.fixture';
import { startTcpProxy } from './tcp-proxy.fixture';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Records each change of the source's health state, polled every 10 ms. */
function recordHealth(rig: MqttBridge): SourceHealth['state'][] {
  const states: SourceHealth['state'][] = [];
  let last = '';
  const sample = () => {
    const { state } = rig.source.health();
    if (state !== last) states.push(state);
    last = state;
  };
  sample();
  const timer = setInterval(sample, 10);
  cleanups.push(async () => clearInterval(timer));
  return states;
}

function jsonAlert(headline: string) {
  return JSON.stringify({
    kind: 'noise-complaint',
    source: 'field',
    category: 'Env',
    urgency: 'Future',
    severity: 'Minor',
    certainty: 'Observed',
    headline: { zh: headline, en: headline },
    description: { zh: '', en: '' },
    area: { shape: 'point', xM: 0, yM: 0 },
    districtId: 'd1',
    simTimeMs: Date.now(),
    classification: 'public',
    linkedAlertIds: [],
  });
}

describe('the MQTT source when the broker goes away', { timeout: 20_000 }, () => {
  it('recovers from a broker restart and receives what was published while the broker was down', async () => {
    const broker = await startMosquitto({ persistent: true });
    cleanups.push(() => broker.dispose());
    const rig = await startMqttBridge({}, broker);
    cleanups.push(() => rig.close());
    await publishReading(rig.field, 'l1', 30);
    await frameWithSpeed(rig.client, 0, 30);
    const states = recordHealth(rig);

    await broker.stop();
    await eventually(() => rig.source.health().state === 'down', 'health down');
    // The field's client queues QoS 1 messages while the broker is away and sends them once it is back.
    const queued = publishReading(rig.field, 'l2', 12);
    await broker.start();
    await queued;
    await frameWithSpeed(rig.client, 1, 12);
    await eventually(() => rig.source.health().state === 'live', 'health live again');
    await publishReading(rig.field, 'l1', 44);
    await frameWithSpeed(rig.client, 0, 44);

    expect(states).toEqual(['live', 'down', 'live']);
    expect(rig.source.health().reconnects).toBe(1);
  });

  it('gets every message published while the bridge was cut off, from its persistent session', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.dispose());
    const proxy = await startTcpProxy(broker.port);
    cleanups.push(() => proxy.close());
    const rig = await startMqttBridge({ url: `mqtt://127.0.0.1:${proxy.port}` }, broker);
    cleanups.push(() => rig.close());
    await eventually(() => rig.source.health().state !== 'down', 'the first connection');

    await proxy.cut();
    await eventually(() => rig.source.health().state === 'down', 'health down');
    for (let i = 1; i <= 5; i++) await rig.field.publishAsync(`${TOPIC}/alert/json`, jsonAlert(`while away ${i}`), { qos: 1 });
    await publishReading(rig.field, 'l2', 21);
    // Let a few reconnect attempts fail before the network comes back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await proxy.restore();

    await frameWithSpeed(rig.client, 1, 21);
    const headlines: string[] = [];
    for (let i = 0; i < 5; i++) headlines.push((await nextOfType(rig.client, 'alert-event')).alert.headline.en);
    expect(headlines).toEqual([1, 2, 3, 4, 5].map((i) => `while away ${i}`));
    // The queued messages come right after the reconnect, possibly before the subscriptions are confirmed.
    await eventually(() => rig.source.health().state === 'live', 'health live again');
    expect(rig.source.health().reconnects).toBe(1);
  });

  it('reports its health to the sink: down, stale until data comes, live, stale when quiet, down when the broker goes', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.dispose());
    const source = new MqttSource(tinyCity(), { url: broker.url, clientId: `health-${process.pid}`, staleAfterMs: 1000, reconnectInitialDelayMs: 50 });
    const reports: SourceHealth[] = [];
    source.start(sinkWith({ health: (health) => reports.push(health) }));
    cleanups.push(async () => source.stop());
    const states = () => reports.map((r) => r.state).filter((state, i, all) => state !== all[i - 1]);
    await eventually(() => states().includes('stale'), 'stale once subscribed');
    const field = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
    cleanups.push(() => field.endAsync(true));
    await publishReading(field, 'l1', 30);
    await eventually(() => states().at(-1) === 'live', 'live with data');
    await eventually(() => states().at(-1) === 'stale', 'stale when quiet', 5000);
    await broker.stop();
    await eventually(() => states().at(-1) === 'down', 'down without the broker');
    expect(states()).toEqual(['down', 'stale', 'live', 'stale', 'down']);
    expect(reports.at(-1)).toMatchObject({ lastMessageAtMs: expect.any(Number), reconnects: 0, rejected: [] });
  });
});
