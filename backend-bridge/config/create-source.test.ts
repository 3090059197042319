import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyCity } from '../city/tiny-city.fixture';
import { sinkWith } from '../sources/live-sink.fixture';
import { MqttSource } from '../sources/mqtt';
import { ReplaySource } from '../sources/replay/replay-source';
import { recordScript, tempDir, testLog } from '../sources/replay/recording.fixture';
import { SimulatorSource } from '../sources/simulator/simulator-source';
import { SumoSource } from '../sources/sumo/sumo-source';
import { makeSumoGrid } from '../sources/sumo/sumo-grid.fixture';
import { createCity } from './create-city';
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

describe('a SUMO source and its city', () => {
  const grid = makeSumoGrid();
  afterAll(() => grid.dispose());

  it('builds the city from the scenario’s network and the source on the same scenario, its clock at startAt', async () => {
    const source = { kind: 'sumo', config: grid.configFile, id: 'grid', timeZone: 'Europe/Berlin', startAt: '2024-06-03T07:00:00+02:00', paused: true } as const;
    const { city: sumoCity, warnings, tilesetDir } = createCity({ kind: 'sumo', source });
    expect(sumoCity.meta).toMatchObject({ id: 'grid', timeZone: 'Europe/Berlin' });
    expect(sumoCity.meta.links).toHaveLength(24);
    expect({ warnings, tilesetDir }).toEqual({ warnings: [], tilesetDir: null });
    const built = createSource({ ...setup, city: sumoCity, source });
    expect(built).toBeInstanceOf(SumoSource);
    const clocks: number[] = [];
    built.start(sinkWith({ clock: (clock) => clocks.push(clock.simTimeMs) }));
    expect(clocks[0]).toBe(Date.parse('2024-06-03T05:00:00Z'));
    await (built as SumoSource).shutdown();
  });

  it('stops at once with the install line when SUMO is missing, and names a broken scenario file', () => {
    const saved = process.env.SUMO_BINARY;
    process.env.SUMO_BINARY = join(dir.dir, 'no-sumo-here');
    try {
      expect(() => createSource({ ...setup, source: { kind: 'sumo', config: grid.configFile } })).toThrow(/SUMO is not installed .*apt-get install/);
    } finally {
      if (saved === undefined) delete process.env.SUMO_BINARY;
      else process.env.SUMO_BINARY = saved;
    }
    const missing = join(dir.dir, 'missing.sumocfg');
    expect(() => createCity({ kind: 'sumo', source: { kind: 'sumo', config: missing } })).toThrow(`SUMO scenario ${missing}: `);
  });
});
