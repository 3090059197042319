import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyCity } from '../city/tiny-city.fixture';
import { MqttSource } from '../sources/mqtt';
import { ReplaySource } from '../sources/replay/replay-source';
import { recordScript, tempDir, testLog } from '../sources/replay/recording.fixture';
import { SimulatorSource } from '../sources/simulator/simulator-source';
import { createSource } from './create-source';

const dir = tempDir();
afterAll(() => dir.remove());
const city = tinyCity();
const setup = { city, cityVersion: () => 'v1', log: testLog };

describe('createSource', () => {
  it('builds the simulator by default', () => {
    expect(createSource({ ...setup, source: { kind: 'simulator', seed: 3 } })).toBeInstanceOf(SimulatorSource);
  });

  it('builds a replay of a recording of this city, with its speed and pause', () => {
    const file = join(dir.dir, 'tiny.ndjson');
    recordScript(file, 5, { id: 'tiny', version: 'v1', linkCount: 2 });
    const source = createSource({ ...setup, source: { kind: 'replay', file, speedFactor: 30, paused: true } });
    expect(source).toBeInstanceOf(ReplaySource);
    expect((source as ReplaySource).position()).toMatchObject({ speedFactor: 30, paused: true });
    source.stop();
  });

  it('builds the MQTT source, reading the certificate files the config names', () => {
    const caFile = join(dir.dir, 'ca.pem');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const source = createSource({ ...setup, source: { kind: 'mqtt', mqtt: { url: 'mqtts://broker.test:8883' }, tlsFiles: { caFile } } });
    expect(source).toBeInstanceOf(MqttSource);
    const missing = join(dir.dir, 'missing.pem');
    expect(() => createSource({ ...setup, source: { kind: 'mqtt', mqtt: { url: 'mqtt://b:1883' }, tlsFiles: { caFile: missing } } })).toThrow(
      `source.tlsFiles.caFile: cannot read ${missing}`,
    );
  });
});
