import { describe, expect, it } from 'vitest';
import { validate } from '../protocol/validation';
import { SOURCE_KINDS, sourceCapabilities, sourceConfigSchema } from './source-registry';

/** The smallest `source` section of each registered kind. */
const MINIMAL_SECTIONS: Record<string, unknown> = {
  simulator: { kind: 'simulator' },
  mqtt: { kind: 'mqtt', mqtt: { url: 'mqtt://broker:1883' } },
  replay: { kind: 'replay', file: 'day.ndjson' },
  sumo: { kind: 'sumo', config: 'cologne8.sumocfg' },
};

describe('the source registry', () => {
  it('has a config variant for every registered kind, and an example here for each', () => {
    expect(SOURCE_KINDS.map((entry) => entry.kind).sort()).toEqual(Object.keys(MINIMAL_SECTIONS).sort());
    for (const entry of SOURCE_KINDS) {
      expect(validate(sourceConfigSchema, MINIMAL_SECTIONS[entry.kind], 'source'), entry.kind).toEqual({ ok: true, value: MINIMAL_SECTIONS[entry.kind] });
    }
  });

  it('refuses an unknown or missing kind, naming the kinds there are', () => {
    expect(validate(sourceConfigSchema, { kind: 'kafka' }, 'source')).toMatchObject({
      ok: false,
      error: 'source.kind: expected one of simulator, mqtt, replay, sumo, got "kafka"',
    });
    expect(validate(sourceConfigSchema, {}, 'source')).toMatchObject({ ok: false, path: 'source.kind' });
    expect(validate(sourceConfigSchema, 'mqtt', 'source')).toMatchObject({ ok: false, error: 'source: expected an object, got "mqtt"' });
  });

  it("applies a kind's own rule across its fields", () => {
    const both = { ...(MINIMAL_SECTIONS.mqtt as object), mqtt: { url: 'mqtts://b:8883', tls: { ca: 'PEM' } }, tlsFiles: { caFile: 'ca.pem' } };
    expect(validate(sourceConfigSchema, both, 'source')).toMatchObject({ ok: false, path: 'source.tlsFiles' });
  });

  it('tells from the capabilities, not the name, that MQTT brings its own alerts', () => {
    expect(sourceCapabilities({ kind: 'mqtt', mqtt: { url: 'mqtt://b:1883' } }).bringsOwnAlerts).toBe(true);
    expect(sourceCapabilities({ kind: 'simulator' }).bringsOwnAlerts).toBe(false);
    expect(sourceCapabilities({ kind: 'replay', file: 'x' }).bringsOwnAlerts).toBe(false);
    expect(sourceCapabilities({ kind: 'sumo', config: 'x.sumocfg' }).bringsOwnAlerts).toBe(false);
  });
});
