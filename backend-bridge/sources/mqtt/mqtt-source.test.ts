/**
 * The MQTT source against a real Mosquitto, inside a running bridge: field
 * data reaches a WebSocket client, junk is counted and changes nothing,
 * alerts are raised, and signal plans count as applied only on the
 * controller's ack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capXml } from '../../alerts/cap/cap.fixture';
import { nextOfType } from '../../app/test-client.fixture';
import type { SignalPlan } from '../../protocol/signals';
import { type MqttBridge, TOPIC, eventually, frameWithSpeed, publishReading, startMqttBridge } from './mqtt-bridge.fixture';

const DETECTORS = `${TOPIC}/detector/+`;
let rig: MqttBridge;

beforeAll(async () => {
  rig = await startMqttBridge({ maxPayloadBytes: 1024, applyTimeoutMs: 1500 });
  await eventually(() => rig.source.health().state !== 'down', 'the bridge to connect to the broker');
}, 30_000);
afterAll(() => rig?.close());

const rejectedOn = (channel: string) => rig.source.health().rejected.find((r) => r.channel === channel);

function plan(version: number, greenS = 52): SignalPlan {
  const phase = { id: 'p1', name: { zh: '东西', en: 'East-west' }, movementIds: ['l1>l2'], greenS, yellowS: 3, allRedS: 5, minGreenS: 5, pedClearanceS: 0 };
  return { nodeId: 'n2', version, cycleS: greenS + 8, offsetS: 0, phases: [phase] };
}

describe('the MQTT source in a bridge', { timeout: 20_000 }, () => {
  it('turns detector readings into link speeds on a WebSocket client', async () => {
    await publishReading(rig.field, 'l1', 23);
    await publishReading(rig.field, 'l2', 41);
    await frameWithSpeed(rig.client, 0, 23);
    await frameWithSpeed(rig.client, 1, 41);
    const framesSeenAtMs = Date.now();
    expect(rig.source.health()).toMatchObject({ state: 'live', lastMessageAtMs: expect.any(Number) });
    // Summaries sent before the readings (free flow) may still wait in the client's queue: skip them.
    let summary = await nextOfType(rig.client, 'traffic-summary');
    while (summary.simTimeMs < framesSeenAtMs) summary = await nextOfType(rig.client, 'traffic-summary');
    expect(summary.city.avgSpeedKmh).toBeGreaterThan(23);
    expect(summary.city.avgSpeedKmh).toBeLessThan(41);
    expect(summary.city.travelTimeIndex).toBeGreaterThan(1);
  });

  it('counts junk per topic filter with the reason and keeps serving good data', async () => {
    const before = rejectedOn(DETECTORS)?.count ?? 0;
    await rig.field.publishAsync(`${TOPIC}/detector/l1`, Buffer.from([0xff, 0xfe, 0x00, 0x81]), { qos: 1 });
    await rig.field.publishAsync(`${TOPIC}/detector/l1`, 'speed=12', { qos: 1 });
    await rig.field.publishAsync(`${TOPIC}/detector/l1`, JSON.stringify({ ts: Date.now(), speedKmh: -4, flowVehPerH: 1, occupancyPct: 1 }), { qos: 1 });
    await rig.field.publishAsync(`${TOPIC}/detector/l9`, JSON.stringify({ ts: Date.now(), speedKmh: 4, flowVehPerH: 1, occupancyPct: 1 }), { qos: 1 });
    await rig.field.publishAsync(`${TOPIC}/detector/l1`, 'x'.repeat(5000), { qos: 1 });
    await eventually(() => (rejectedOn(DETECTORS)?.count ?? 0) === before + 5, 'five refusals on the detector topics');
    expect(rejectedOn(DETECTORS)!.lastReason).toBe(`${TOPIC}/detector/l1: 5000 bytes is over the limit of 1024`);

    await rig.field.publishAsync(`${TOPIC}/signal/n2/plan`, JSON.stringify({ ...plan(1), nodeId: 'n1' }), { qos: 1 });
    await eventually(() => rejectedOn(`${TOPIC}/signal/+/plan`) !== undefined, 'a refusal on the plan topics');
    expect(rejectedOn(`${TOPIC}/signal/+/plan`)!.lastReason).toBe(`${TOPIC}/signal/n2/plan: plan.nodeId: must be the topic's node "n2", got "n1"`);

    await rig.field.publishAsync(`${TOPIC}/alert/cap`, '<alert><oops>', { qos: 1 });
    await eventually(() => rejectedOn(`${TOPIC}/alert/cap`) !== undefined, 'a refusal on the CAP topic');
    expect(rejectedOn(`${TOPIC}/alert/cap`)!.lastReason).toMatch(/^citybrain\/tiny\/alert\/cap: xml: /);

    await publishReading(rig.field, 'l1', 17);
    await frameWithSpeed(rig.client, 0, 17);
  });

  it('survives a flood of junk and still delivers the reading behind it', async () => {
    const before = rejectedOn(DETECTORS)?.count ?? 0;
    const junk = Buffer.from('{"ts":');
    await Promise.all(Array.from({ length: 2000 }, () => rig.field.publishAsync(`${TOPIC}/detector/l2`, junk, { qos: 1 })));
    await publishReading(rig.field, 'l2', 9);
    await frameWithSpeed(rig.client, 1, 9);
    expect(rejectedOn(DETECTORS)!.count).toBe(before + 2000);
    expect(rejectedOn(DETECTORS)!.lastReason).toContain('is not JSON');
  });

  it('raises CAP and JSON field alerts on the alert stream', async () => {
    await rig.field.publishAsync(`${TOPIC}/alert/cap`, capXml({ identifier: 'mqtt-cap-1' }), { qos: 1 });
    const cap = await nextOfType(rig.client, 'alert-event');
    expect(cap.alert).toMatchObject({ kind: 'fire-alarm', source: 'cap', districtId: 'd1', cap: { identifier: 'mqtt-cap-1' } });
    expect(cap.alert.history[0]!.actor).toEqual({ role: 'system', label: `cap:${TOPIC}/alert/cap` });

    const draft = {
      kind: 'crowd-density',
      source: 'field',
      category: 'Safety',
      urgency: 'Expected',
      severity: 'Moderate',
      certainty: 'Likely',
      headline: { zh: '人群聚集', en: 'Crowd gathering' },
      description: { zh: '', en: '' },
      area: { shape: 'circle', xM: 10, yM: 10, radiusM: 30 },
      districtId: 'd1',
      deviceId: 'cam1',
      simTimeMs: Date.now(),
      classification: 'public',
      linkedAlertIds: [],
    };
    await rig.field.publishAsync(`${TOPIC}/alert/json`, JSON.stringify({ ...draft, districtId: 'd7' }), { qos: 1 });
    await rig.field.publishAsync(`${TOPIC}/alert/json`, JSON.stringify(draft), { qos: 1 });
    const json = await nextOfType(rig.client, 'alert-event');
    expect(json.alert).toMatchObject({ kind: 'crowd-density', deviceId: 'cam1', status: 'new' });
    expect(rejectedOn(`${TOPIC}/alert/json`)).toEqual({ channel: `${TOPIC}/alert/json`, count: 1, lastReason: `${TOPIC}/alert/json: alert.districtId: no such id in the city: "d7"` });
  });

  it('reports a signal plan applied only once the controller acknowledges it', async () => {
    await rig.field.publishAsync(`${TOPIC}/signal/n2/plan`, JSON.stringify(plan(1)), { qos: 1, retain: true });
    await eventually(() => rig.source.signals.nodeIds().includes('n2'), 'the controller plan of n2');
    expect(rig.source.signals.runningPlan('n2').version).toBe(1);
    expect(rig.source.signals.movements('n2')).toEqual([{ id: 'l1>l2', inLinkId: 'l1', outLinkId: 'l2', turn: 'through' }]);

    const commands: { requestId: string; plan: SignalPlan }[] = [];
    rig.field.on('message', (topic, payload) => {
      if (topic === `${TOPIC}/signal/n2/cmd`) commands.push(JSON.parse(payload.toString()) as (typeof commands)[number]);
    });
    await rig.field.subscribeAsync(`${TOPIC}/signal/n2/cmd`, { qos: 1 });

    let settled = false;
    const applied = rig.source.signals.apply(plan(2, 40)).finally(() => (settled = true));
    await eventually(() => commands.length === 1, 'the command on the controller topic');
    expect(commands[0]!.plan).toEqual(plan(2, 40));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);

    const effectiveTs = Date.now() + 60_000;
    await rig.field.publishAsync(`${TOPIC}/signal/n2/ack`, JSON.stringify({ requestId: commands[0]!.requestId, ok: true, effectiveTs }), { qos: 1 });
    await expect(applied).resolves.toEqual({ effectiveSimTimeMs: effectiveTs });
    expect(rig.source.signals.pending('n2')).toEqual({ plan: plan(2, 40), effectiveSimTimeMs: effectiveTs });
    expect(rig.source.signals.runningPlan('n2').version).toBe(1);
  });

  it('passes on a controller refusal with its reason', async () => {
    const refusing = (topic: string, payload: Buffer) => {
      if (topic !== `${TOPIC}/signal/n2/cmd`) return;
      const { requestId } = JSON.parse(payload.toString()) as { requestId: string };
      void rig.field.publishAsync(`${TOPIC}/signal/n2/ack`, JSON.stringify({ requestId, ok: false, reason: 'manual control at the cabinet' }), { qos: 1 });
    };
    rig.field.on('message', refusing);
    try {
      await expect(rig.source.signals.apply(plan(3))).rejects.toThrow('the controller of n2 refused the plan: manual control at the cabinet');
    } finally {
      rig.field.off('message', refusing);
    }
  });

  it('fails an apply with a clear error when no controller answers in time', async () => {
    await rig.field.unsubscribeAsync(`${TOPIC}/signal/n2/cmd`);
    const startedAt = Date.now();
    await expect(rig.source.signals.apply(plan(4))).rejects.toMatchObject({
      name: 'SourceRequestError',
      code: 'rejected',
      message: expect.stringContaining('no acknowledgement from the controller of n2 within 1.5 s'),
    });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1400);
  });

  it('refuses clock changes and staged incidents, naming why', () => {
    expect(() => rig.source.setClock()).toThrow('follows wall time');
    expect(() => rig.source.createIncident()).toThrow('incidents cannot be staged');
  });
});
