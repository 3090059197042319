/**
 * Two bridges in one shared-subscription group on a real Mosquitto: each
 * field alert reaches exactly one of them, every detector reading both.
 */
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyCity } from '../../city/tiny-city.fixture';
import type { LiveSink, SourceAlert } from '../live-source';
import { sinkWith } from '../live-sink.fixture';
import { startMosquitto } from './mosquitto.fixture';
import { MqttSource } from './mqtt-source';
import { TOPIC, eventually, publishReading } from './mqtt-bridge.fixture';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function bridgeSink(alerts: SourceAlert[], speeds: number[]): LiveSink {
  return sinkWith({
    linkTraffic: (traffic) => speeds.push(traffic.speedKmh[0]!),
    alert: (alert) => alerts.push(alert),
  });
}

describe('several bridges sharing the field', { timeout: 20_000 }, () => {
  it('split the alerts between them and each see every reading', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.dispose());
    const received = [0, 1].map(() => ({ alerts: [] as SourceAlert[], speeds: [] as number[] }));
    const sources = received.map((r, i) => {
      const source = new MqttSource(tinyCity(), { url: broker.url, clientId: `shared-${i}-${process.pid}`, sharedGroup: 'bridges' });
      source.start(bridgeSink(r.alerts, r.speeds));
      cleanups.push(async () => source.stop());
      return source;
    });
    await eventually(() => sources.every((s) => s.health().state !== 'down'), 'both bridges subscribed');
    const field = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
    cleanups.push(() => field.endAsync(true));

    const alert = { kind: 'fight', source: 'field', category: 'Security', urgency: 'Immediate', severity: 'Moderate', certainty: 'Observed', description: { zh: '', en: '' }, area: { shape: 'point', xM: 0, yM: 0 }, districtId: 'd1', simTimeMs: 1, classification: 'public', linkedAlertIds: [] };
    for (let i = 0; i < 20; i++) await field.publishAsync(`${TOPIC}/alert/json`, JSON.stringify({ ...alert, headline: { zh: `${i}`, en: `${i}` } }), { qos: 1 });
    await publishReading(field, 'l1', 27);

    await eventually(() => received.every((r) => r.speeds.includes(27)), 'the reading at both bridges');
    await eventually(() => received[0]!.alerts.length + received[1]!.alerts.length === 20, 'all 20 alerts');
    const headlines = received.flatMap((r) => r.alerts.map((a) => (a.format === 'json' ? (a.draft as { headline: { en: string } }).headline.en : '')));
    expect(headlines.sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, i) => `${i}`));
    expect(received.every((r) => r.alerts.length > 0)).toBe(true);
  });
});
