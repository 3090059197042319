import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('leaves every setting the config file also holds unset, and the packaged renderer', () => {
    expect(parseCliOptions([])).toEqual({
      configFile: undefined,
      port: undefined,
      host: undefined,
      rendererDir: undefined,
      noRenderer: false,
      seed: undefined,
      dataDir: undefined,
      replayFile: undefined,
      recordFile: undefined,
      sumoFile: undefined,
      wallLayoutFile: undefined,
      alertRatePerHour: 60,
      escalateAfterS: 120,
      linkDays: 7,
      listDevices: false,
      revokeDevice: undefined,
      help: false,
    });
  });

  it('reads the link lifetime and the device commands an on-call engineer runs without a server', () => {
    expect(parseCliOptions(['--link-days', '30', '--list-devices'])).toMatchObject({ linkDays: 30, listDevices: true });
    expect(parseCliOptions(['--revoke-device', 'dev-0a1b2c3d4e'])).toMatchObject({ revokeDevice: 'dev-0a1b2c3d4e' });
    expect(() => parseCliOptions(['--revoke-device'])).toThrow('--revoke-device needs an id (see --list-devices)');
    expect(() => parseCliOptions(['--link-days', '0'])).toThrow('--link-days must be between 1 and 365, got 0');
    expect(() => parseCliOptions(['--list-devices', '--revoke-device', 'x'])).toThrow('--list-devices and --revoke-device exclude each other');
  });

  it('reads flags in both --flag value and --flag=value forms', () => {
    expect(parseCliOptions(['--port', '0', '--host=0.0.0.0', '--seed', '7', '--renderer', 'out'])).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      seed: 7,
      rendererDir: 'out',
    });
  });

  it('rejects a port that is not an integer in range, naming the flag and the value', () => {
    expect(() => parseCliOptions(['--port', 'http'])).toThrow('--port must be an integer, got "http"');
    expect(() => parseCliOptions(['--port', '70000'])).toThrow('--port must be between 0 and 65535, got 70000');
    expect(() => parseCliOptions(['--port'])).toThrow('--port needs a value');
  });

  it('reads the data directory, the demo alert rate and the escalation time', () => {
    expect(parseCliOptions(['--data-dir', '/var/lib/citybrain', '--alert-rate=0', '--escalate-after-s', '2.5'])).toMatchObject({
      dataDir: '/var/lib/citybrain',
      alertRatePerHour: 0,
      escalateAfterS: 2.5,
    });
  });

  it('rejects a bad data directory, alert rate or escalation time, naming the flag and the value', () => {
    expect(() => parseCliOptions(['--data-dir'])).toThrow('--data-dir needs a directory');
    expect(() => parseCliOptions(['--data-dir', '--port'])).toThrow('--data-dir needs a directory');
    expect(() => parseCliOptions(['--alert-rate', 'lots'])).toThrow('--alert-rate must be a number, got "lots"');
    expect(() => parseCliOptions(['--alert-rate', '-5'])).toThrow('--alert-rate must be a number, got "-5"');
    expect(() => parseCliOptions(['--alert-rate', '2000000'])).toThrow('--alert-rate must be between 0 and 1000000, got 2000000');
    expect(() => parseCliOptions(['--escalate-after-s', '0'])).toThrow('--escalate-after-s must be between 1 and 86400, got 0');
    expect(() => parseCliOptions(['--escalate-after-s', '1e3'])).toThrow('--escalate-after-s must be a number, got "1e3"');
  });

  it('reads the config, replay, record and wall layout files', () => {
    expect(parseCliOptions(['--config', 'city.json', '--replay=a.ndjson', '--wall-layout', 'wall.json'])).toMatchObject({
      configFile: 'city.json',
      replayFile: 'a.ndjson',
      wallLayoutFile: 'wall.json',
    });
    expect(parseCliOptions(['--record', 'b.ndjson'])).toMatchObject({ recordFile: 'b.ndjson' });
    expect(parseCliOptions(['--sumo=resco/cologne8.sumocfg'])).toMatchObject({ sumoFile: 'resco/cologne8.sumocfg' });
  });

  it('rejects a file flag without its file, naming the flag', () => {
    expect(() => parseCliOptions(['--config'])).toThrow('--config needs a file');
    expect(() => parseCliOptions(['--replay', '--port', '1'])).toThrow('--replay needs a file');
    expect(() => parseCliOptions(['--record='])).toThrow('--record needs a file');
    expect(() => parseCliOptions(['--wall-layout'])).toThrow('--wall-layout needs a file');
    expect(() => parseCliOptions(['--sumo', '--port', '1'])).toThrow('--sumo needs a file');
  });

  it('reads --help and its short form -h', () => {
    expect(parseCliOptions(['--help']).help).toBe(true);
    expect(parseCliOptions(['-h']).help).toBe(true);
  });

  it('rejects unknown flags, stray arguments, a value given to a switch, and contradictory flags', () => {
    expect(() => parseCliOptions(['--prot', '1'])).toThrow('unknown option "--prot"');
    expect(() => parseCliOptions(['--prot=1'])).toThrow('unknown option "--prot=1" (see --help)');
    expect(() => parseCliOptions(['-x'])).toThrow('unknown option "-x"');
    expect(() => parseCliOptions(['city.json'])).toThrow('unknown option "city.json"');
    expect(() => parseCliOptions(['--no-renderer=yes'])).toThrow('--no-renderer takes no value');
    expect(() => parseCliOptions(['--no-renderer', '--renderer', 'x'])).toThrow('exclude each other');
    expect(() => parseCliOptions(['--replay', 'a', '--record', 'b'])).toThrow('--replay and --record exclude each other');
    expect(() => parseCliOptions(['--replay', 'a', '--sumo', 'b.sumocfg'])).toThrow('--replay and --sumo exclude each other');
  });
});
