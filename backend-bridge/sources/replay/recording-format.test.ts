import { describe, expect, it } from 'vitest';
import { type RecordedEvent, decodeEvent, encodeEventLine, readLineHead } from './recording-format';
import { START_SIM_MS, trafficAt } from './recording.fixture';

const roundTrip = (event: RecordedEvent, linkCount = 3) => {
  const text = encodeEventLine(event);
  expect(text.endsWith('\n')).toBe(true);
  expect(text.slice(0, -1)).not.toContain('\n');
  return { decoded: decodeEvent(readLineHead(text.slice(0, -1), 'f:2'), linkCount, 'f:2'), text };
};

describe('recording lines', () => {
  it('keep traffic at the wire’s precision: whole km/h, vehicles per km per lane and per hour', () => {
    const traffic = { ...trafficAt(START_SIM_MS, 41.6), flowVehPerH: new Float32Array([899.5, 70_000, -3]) };
    const { decoded } = roundTrip({ kind: 'traffic', simTimeMs: START_SIM_MS, seq: 7, traffic });
    if (decoded.kind !== 'traffic') throw new Error('expected traffic');
    expect(decoded.seq).toBe(7);
    expect(Array.from(decoded.traffic.speedKmh)).toEqual([42, 43, 44]);
    expect(Array.from(decoded.traffic.flowVehPerH)).toEqual([900, 65_535, 0]);
    expect(Array.from(decoded.traffic.level)).toEqual([0, 1, 2]);
  });

  it('refuse traffic recorded for another number of links', () => {
    const text = encodeEventLine({ kind: 'traffic', simTimeMs: START_SIM_MS, seq: 1, traffic: trafficAt(START_SIM_MS, 30) });
    expect(() => decodeEvent(readLineHead(text, 'f:2'), 4, 'f:2')).toThrow('f:2.d.speedKmh: expected 4 links, got 3');
  });

  it('store a large payload deflated and give it back as recorded', () => {
    const devices = Array.from({ length: 200 }, (_, i) => ({
      deviceId: `det-${i}`,
      status: 'online' as const,
      lastSeenAtMs: START_SIM_MS,
      reading: { quantity: 'speed', value: 40 + (i % 7), unit: 'km/h', simTimeMs: START_SIM_MS },
    }));
    const { decoded, text } = roundTrip({ kind: 'devices', simTimeMs: START_SIM_MS, devices });
    expect(JSON.parse(text)).toHaveProperty('z');
    expect(text.length).toBeLessThan(JSON.stringify(devices).length / 4);
    expect(decoded).toEqual({ kind: 'devices', simTimeMs: START_SIM_MS, devices });
  });

  it('keep a small payload as plain JSON', () => {
    const alert = { format: 'cap' as const, xml: '<alert/>', channel: 'citybrain/c/alerts/cap' };
    const { decoded, text } = roundTrip({ kind: 'alert', simTimeMs: START_SIM_MS, alert });
    expect(JSON.parse(text)).toMatchObject({ e: alert });
    expect(decoded).toEqual({ kind: 'alert', simTimeMs: START_SIM_MS, alert });
  });

  it('name the line and field of a payload that does not check', () => {
    const head = readLineHead(JSON.stringify({ t: START_SIM_MS, k: 'clock', e: { simTimeMs: 1, speedFactor: 'fast', achievedSpeedFactor: 1, paused: false } }), 'f:9');
    expect(() => decodeEvent(head, 3, 'f:9')).toThrow('f:9.e.speedFactor: expected a finite number, got "fast"');
  });
});
