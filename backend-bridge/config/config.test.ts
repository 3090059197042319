import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options';
import { checkBridgeConfig } from './bridge-config';
import { loadConfigFile } from './load-config';
import { resolveSettings } from './resolve-settings';
import { DEFAULT_COCKPIT_SETTINGS } from '../protocol/cockpit-settings';

const dir = mkdtempSync(join(tmpdir(), 'citybrain-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/config/example.json');
const HASH = 'a'.repeat(64);

function configFile(content: unknown, name = 'bridge.json'): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const settings = (config: object, argv: string[] = []) => resolveSettings(checkBridgeConfig(config), parseCliOptions(argv), '/work');

describe('the config file', () => {
  it('parses the shipped example, with every path made absolute against the file’s directory', () => {
    const config = loadConfigFile(EXAMPLE);
    const base = dirname(EXAMPLE);
    expect(config.source).toMatchObject({ kind: 'mqtt', mqtt: { url: 'mqtts://broker.city.example:8883' }, tlsFiles: { caFile: join(base, 'certs/broker-ca.pem') } });
    expect(config.city).toMatchObject({ kind: 'files', id: 'hangzhou', roads: join(base, 'city/roads.geojson'), tileset: join(base, 'city/tiles/tileset.json') });
    expect(config.bridge).toMatchObject({ port: 8443, dataDir: '/var/lib/citybrain', tls: { certFile: join(base, 'certs/bridge.pem') } });
    expect(config.tokens).toHaveLength(3);
    expect(config.wall).toEqual({ layoutFile: join(base, 'wall/layout.json') });
  });

  it('accepts an empty object: the offline demo', () => {
    expect(loadConfigFile(configFile({}))).toEqual({});
  });

  it('names the file and the field of a bad value', () => {
    const file = configFile({ bridge: { port: 70_000 } });
    expect(() => loadConfigFile(file)).toThrow(`config file ${file}: bridge.port: must be ≤ 65535, got 70000`);
    expect(() => loadConfigFile(configFile({ bridge: { prot: 1 } }))).toThrow('bridge.prot: unknown field');
    expect(() => loadConfigFile(configFile({ tokens: [{ role: 'operator', sha256: 'secret' }] }))).toThrow(
      'tokens[0].sha256: must be at least 64 characters',
    );
    expect(() => loadConfigFile(configFile({ tokens: [{ role: 'root', sha256: HASH }] }))).toThrow(
      'tokens[0].role: expected one of viewer, operator, admin, got "root"',
    );
  });

  it('lists the kinds there are when a source or city kind is unknown or missing', () => {
    expect(() => loadConfigFile(configFile({ source: { kind: 'kafka' } }))).toThrow('source.kind: expected one of simulator, mqtt, replay, sumo, got "kafka"');
    expect(() => loadConfigFile(configFile({ city: {} }))).toThrow('city.kind: expected one of demo, files, got undefined');
  });

  it('checks the MQTT section with the MQTT source’s own rules', () => {
    expect(() => loadConfigFile(configFile({ source: { kind: 'mqtt', mqtt: { url: 'http://broker' } } }))).toThrow('source.mqtt.url: does not match');
    expect(() =>
      loadConfigFile(configFile({ source: { kind: 'mqtt', mqtt: { url: 'mqtt://b:1883' }, tlsFiles: { certFile: 'c.pem' } } })),
    ).toThrow('source.tlsFiles: certFile and keyFile go together');
  });

  it('refuses an inverted city box and a replay speed out of range', () => {
    const city = { kind: 'files', id: 'x', name: { zh: '城', en: 'X' }, buildings: 'b', roads: 'r', intersections: 'i', districts: 'd' };
    expect(() => loadConfigFile(configFile({ city: { ...city, box: { westDeg: 121, southDeg: 30, eastDeg: 120, northDeg: 31 } } }))).toThrow(
      'city.box: westDeg (121) must be less than eastDeg (120)',
    );
    expect(() => loadConfigFile(configFile({ source: { kind: 'replay', file: 'a', speedFactor: 100 } }))).toThrow('source.speedFactor: must be ≤ 60, got 100');
  });

  it('checks the SUMO section, resolves its files against the config, and refuses a city beside it', () => {
    const config = loadConfigFile(configFile({ source: { kind: 'sumo', config: 'scen/a.sumocfg', districts: 'd.geojson', timeZone: 'Europe/Berlin' } }));
    expect(config.source).toEqual({ kind: 'sumo', config: join(dir, 'scen/a.sumocfg'), districts: join(dir, 'd.geojson'), timeZone: 'Europe/Berlin' });
    expect(() => loadConfigFile(configFile({ source: { kind: 'sumo' } }))).toThrow('source.config: ');
    expect(() => loadConfigFile(configFile({ source: { kind: 'sumo', config: 'a.sumocfg', timeZone: 'Mars/Base' } }))).toThrow('source.timeZone: ');
    expect(() => loadConfigFile(configFile({ source: { kind: 'sumo', config: 'a.sumocfg', startAt: 'tomorrow' } }))).toThrow(
      'source.startAt: must be an ISO 8601 time with its offset',
    );
    expect(() => loadConfigFile(configFile({ source: { kind: 'sumo', config: 'a.sumocfg', maxRestartAttempts: 0 } }))).toThrow('source.maxRestartAttempts: ');
    expect(() => loadConfigFile(configFile({ source: { kind: 'sumo', config: 'a.sumocfg' }, city: { kind: 'demo' } }))).toThrow(
      'city: the city is the SUMO network of a.sumocfg',
    );
  });

  it('says so when the file is missing or not JSON', () => {
    expect(() => loadConfigFile(join(dir, 'missing.json'))).toThrow(`config file ${join(dir, 'missing.json')}: no such file`);
    expect(() => loadConfigFile(configFile('{ "bridge": ', 'broken.json'))).toThrow('not valid JSON');
  });
});

describe('resolveSettings', () => {
  it('defaults to the simulator on the demo city on loopback, in demo mode', () => {
    expect(settings({})).toEqual({
      source: { kind: 'simulator' },
      city: { kind: 'demo' },
      host: '127.0.0.1',
      port: 8080,
      dataDir: undefined,
      tls: null,
      tokens: [],
      recordFile: null,
      wallLayoutFile: null,
      cockpit: DEFAULT_COCKPIT_SETTINGS,
    });
  });

  it("takes the cockpit's targets from the config, with the defaults for those it leaves out", () => {
    const cockpit = checkBridgeConfig({ cockpit: { targets: { ttiMax: 1.4 }, tvPageS: 30 } }).cockpit;
    expect(settings({ cockpit })).toMatchObject({ cockpit: { targets: { ttiMax: 1.4, meanTimeToResolveMaxMin: 30 }, tvPageS: 30 } });
  });

  it('takes the config’s values where no flag is given', () => {
    const config = { bridge: { host: '0.0.0.0', port: 9000, dataDir: '/data' }, record: { file: '/rec/a.ndjson' }, wall: { layoutFile: '/w.json' } };
    expect(settings(config)).toMatchObject({ host: '0.0.0.0', port: 9000, dataDir: '/data', recordFile: '/rec/a.ndjson', wallLayoutFile: '/w.json' });
  });

  it('lets flags override the config, relative paths against the working directory', () => {
    const config = { bridge: { port: 9000, dataDir: '/data' }, source: { kind: 'simulator' }, wall: { layoutFile: '/w.json' } };
    expect(settings(config, ['--port', '0', '--data-dir', 'd', '--replay', 'r.ndjson', '--wall-layout', 'x.json', '--seed', '5'])).toMatchObject({
      port: 0,
      dataDir: '/work/d',
      source: { kind: 'replay', file: '/work/r.ndjson' },
      wallLayoutFile: '/work/x.json',
      city: { kind: 'demo', seed: 5 },
    });
  });

  it('runs --sumo as the source with its network as the city, keeping the config’s SUMO section', () => {
    expect(settings({}, ['--sumo', 'a.sumocfg'])).toMatchObject({
      source: { kind: 'sumo', config: '/work/a.sumocfg' },
      city: { kind: 'sumo', source: { kind: 'sumo', config: '/work/a.sumocfg' } },
    });
    const configured = { source: { kind: 'sumo', config: '/s/b.sumocfg', timeZone: 'Europe/Berlin', speedFactor: 10 } };
    expect(settings(configured, ['--sumo', 'a.sumocfg']).source).toEqual({ kind: 'sumo', config: '/work/a.sumocfg', timeZone: 'Europe/Berlin', speedFactor: 10 });
    expect(settings({ source: { kind: 'mqtt', mqtt: { url: 'mqtt://b:1883' } } }, ['--sumo', 'a.sumocfg']).source).toEqual({ kind: 'sumo', config: '/work/a.sumocfg' });
    expect(() => settings({ city: { kind: 'demo' } }, ['--sumo', 'a.sumocfg'])).toThrow('the city is the SUMO network of /work/a.sumocfg, but the config has a city section (demo)');
    expect(() => settings({}, ['--sumo', 'a.sumocfg', '--seed', '2'])).toThrow('but the city is the SUMO network of /work/a.sumocfg');
  });

  it('refuses a seed for a city from files, and recording a replay', () => {
    const city = { kind: 'files', id: 'x', name: { zh: '城', en: 'X' }, box: { westDeg: 0, southDeg: 0, eastDeg: 1, northDeg: 1 }, buildings: 'b', roads: 'r', intersections: 'i', districts: 'd' };
    expect(() => settings({ city }, ['--seed', '3'])).toThrow('--seed sets the generated demo city\'s seed, but the config loads the city "x" from files');
    expect(() => settings({ record: { file: '/a' } }, ['--replay', 'b'])).toThrow('recording it again (to /a) would only copy it');
  });
});
