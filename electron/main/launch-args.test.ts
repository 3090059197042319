import { describe, expect, it } from 'vitest';
import { parseLaunchArgs, userArgs } from './launch-args';

describe('userArgs', () => {
  it('drops the executable of a packaged app', () => {
    expect(userArgs(['/opt/city-brain', '--config', 'a.json'], false)).toEqual(['--config', 'a.json']);
  });

  it('also drops the app directory when Electron runs as the default app', () => {
    expect(userArgs(['/x/electron', '.', '--seed', '7'], true)).toEqual(['--seed', '7']);
  });
});

describe('parseLaunchArgs', () => {
  it('returns nothing set for no arguments', () => {
    expect(parseLaunchArgs([])).toEqual({});
  });

  it('reads --config, --seed, --replay and --bridge-config in both spellings', () => {
    expect(parseLaunchArgs(['--config', 'wall.json', '--seed=42', '--replay=day.jsonl', '--bridge-config', 'mqtt.json'])).toEqual({
      configFile: 'wall.json',
      seed: 42,
      replayFile: 'day.jsonl',
      bridgeConfigFile: 'mqtt.json',
    });
  });

  it('lets Chromium and Electron switches through', () => {
    expect(parseLaunchArgs(['--no-sandbox', '--enable-features=Vulkan', '--config', 'a.json', '--inspect=9229'])).toEqual({
      configFile: 'a.json',
    });
  });

  it('refuses an unknown flag by name', () => {
    expect(() => parseLaunchArgs(['--confg', 'a.json'])).toThrow('unknown argument "--confg"');
  });

  it('refuses a stray positional argument', () => {
    expect(() => parseLaunchArgs(['wall.json'])).toThrow('unknown argument "wall.json"');
  });

  it('refuses a flag whose value is missing or is the next flag', () => {
    expect(() => parseLaunchArgs(['--config'])).toThrow('--config needs a file');
    expect(() => parseLaunchArgs(['--config', '--seed', '1'])).toThrow('--config needs a file');
    expect(() => parseLaunchArgs(['--config='])).toThrow('--config needs a file');
    expect(() => parseLaunchArgs(['--seed'])).toThrow('--seed needs an integer');
  });

  it('refuses a seed that is not an unsigned 32-bit integer, the seeds the city generator takes', () => {
    expect(() => parseLaunchArgs(['--seed', '1.5'])).toThrow('--seed must be an integer');
    expect(() => parseLaunchArgs(['--seed', '-3'])).toThrow('--seed must be an integer from 0 to 4294967295, got "-3"');
    expect(() => parseLaunchArgs(['--seed', '4294967296'])).toThrow('got "4294967296"');
    expect(parseLaunchArgs(['--seed', '4294967295']).seed).toBe(4_294_967_295);
  });
});
