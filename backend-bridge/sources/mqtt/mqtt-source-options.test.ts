import { describe, expect, it } from 'vitest';
import { validate } from '../../protocol/validation';
import { MQTT_SOURCE_DEFAULTS, mqttSourceOptionsSchema, resolveMqttSourceOptions } from './mqtt-source-options';

describe('MQTT source options', () => {
  it('fill in every default, with a client id naming the city', () => {
    const options = resolveMqttSourceOptions({ url: 'mqtt://broker:1883' }, 'hz');
    expect(options).toMatchObject({ ...MQTT_SOURCE_DEFAULTS, url: 'mqtt://broker:1883', cityId: 'hz' });
    expect(options.clientId).toMatch(/^citybrain-hz-[A-Za-z0-9_.:-]+$/);
  });

  it('name the field that is wrong', () => {
    const check = (value: unknown) => validate(mqttSourceOptionsSchema, value, 'config.mqtt');
    expect(check({ url: 'http://broker' })).toMatchObject({ ok: false, path: 'config.mqtt.url' });
    expect(check({ url: 'mqtt://b', topicRoot: 'a/b' })).toMatchObject({ ok: false, path: 'config.mqtt.topicRoot' });
    expect(check({ url: 'mqtt://b', sharedGroup: '' })).toMatchObject({ ok: false, path: 'config.mqtt.sharedGroup' });
    expect(check({ url: 'mqtt://b', publishIntervalMs: 5 })).toMatchObject({ ok: false, error: 'config.mqtt.publishIntervalMs: must be ≥ 50, got 5' });
    expect(check({ url: 'mqtt://b', reconnectInitialDelayMs: 5000, reconnectMaxDelayMs: 1000 })).toMatchObject({ ok: false, path: 'config.mqtt.reconnectMaxDelayMs' });
    expect(check({ url: 'mqtts://b:8883', tls: { cert: 'PEM' } })).toMatchObject({ ok: false, error: 'config.mqtt.tls: cert and key go together: give both or neither' });
    expect(check({ url: 'mqtt://b', port: 1883 })).toMatchObject({ ok: false, error: 'config.mqtt.port: unknown field' });
    expect(check({ url: 'mqtts://b:8883', sharedGroup: null, tls: { ca: 'PEM', rejectUnauthorized: false } })).toMatchObject({ ok: true });
  });
});
