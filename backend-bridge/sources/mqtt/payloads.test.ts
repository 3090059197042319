import { describe, expect, it } from 'vitest';
import { parseAt, validate } from '../../protocol/validation';
import { deviceStatusSchema, detectorReadingSchema, payloadJson, signalAckSchema, signalStateReportSchema } from './payloads';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('MQTT payloads', () => {
  it('accept a detector reading and refuse one with a field out of range or unknown', () => {
    expect(parseAt(detectorReadingSchema, { ts: 1, speedKmh: 42.5, flowVehPerH: 800, occupancyPct: 9 }, 'r')).toEqual({ ts: 1, speedKmh: 42.5, flowVehPerH: 800, occupancyPct: 9 });
    expect(validate(detectorReadingSchema, { ts: 1, speedKmh: 42, flowVehPerH: 800, occupancyPct: 101 }, 'r')).toMatchObject({ ok: false, error: 'r.occupancyPct: must be ≤ 100, got 101' });
    expect(validate(detectorReadingSchema, { ts: 1, speedKmh: 42, flowVehPerH: 800, occupancyPct: 1, lane: 2 }, 'r')).toMatchObject({ ok: false, error: 'r.lane: unknown field' });
  });

  it('accept a signal state report with a known interval only', () => {
    const report = { ts: 5, planVersion: 3, phaseIndex: 1, interval: 'yellow', remainingS: 2.5 };
    expect(parseAt(signalStateReportSchema, report, 's')).toEqual(report);
    expect(validate(signalStateReportSchema, { ...report, interval: 'amber' }, 's')).toMatchObject({ ok: false, path: 's.interval' });
  });

  it('take an ack as ok with its effective time, or refused with a reason, and nothing in between', () => {
    expect(parseAt(signalAckSchema, { requestId: 'r1', ok: true, effectiveTs: 9 }, 'a')).toEqual({ requestId: 'r1', ok: true, effectiveTs: 9 });
    expect(parseAt(signalAckSchema, { requestId: 'r1', ok: false, reason: 'manual' }, 'a')).toEqual({ requestId: 'r1', ok: false, reason: 'manual' });
    expect(validate(signalAckSchema, { requestId: 'r1', ok: true }, 'a')).toMatchObject({ ok: false, error: 'a.effectiveTs: is required when ok is true' });
    expect(validate(signalAckSchema, { requestId: 'r1', ok: false }, 'a')).toMatchObject({ ok: false, error: 'a.reason: is required when ok is false' });
    expect(validate(signalAckSchema, { requestId: 'r1', ok: false, reason: 'x', effectiveTs: 1 }, 'a')).toMatchObject({ ok: false, path: 'a.effectiveTs' });
  });

  it('accept a device status with or without a reading', () => {
    expect(parseAt(deviceStatusSchema, { ts: 1, status: 'degraded' }, 'd')).toEqual({ ts: 1, status: 'degraded' });
    expect(parseAt(deviceStatusSchema, { ts: 1, status: 'online', reading: { quantity: 'pm25', value: 35, unit: 'µg/m³' } }, 'd').reading?.value).toBe(35);
    expect(validate(deviceStatusSchema, { ts: 1, status: 'broken' }, 'd')).toMatchObject({ ok: false, path: 'd.status' });
  });

  it('name binary junk and text that is not JSON as such', () => {
    expect(() => payloadJson(new Uint8Array([0xff, 0x00, 0xc3]), 'topic')).toThrow('topic: is not UTF-8 text (3 bytes of binary)');
    expect(() => payloadJson(bytes('{"ts":'), 'topic')).toThrow(/^topic: is not JSON: /);
    expect(payloadJson(bytes('{"a":1}'), 'topic')).toEqual({ a: 1 });
  });
});
