import { describe, expect, it } from 'vitest';
import { DEFAULT_DESKTOP_CONFIG, desktopConfigPath, parseDesktopConfig } from './config-plan';

const remote = { mode: 'remote', url: 'https://bridge.ops.local:8443', token: 'op-123' };

describe('parseDesktopConfig', () => {
  it('fills a field that is left out from the default config', () => {
    expect(parseDesktopConfig({})).toEqual(DEFAULT_DESKTOP_CONFIG);
    expect(parseDesktopConfig({ bridge: remote }).windows).toEqual([{ route: 'console' }]);
  });

  it('accepts a remote bridge and indexed and rectangle windows', () => {
    const config = parseDesktopConfig({
      bridge: remote,
      windows: [
        { display: 0, route: 'cockpit', kiosk: true },
        { display: { x: -1920, y: 0, width: 1920, height: 1080 }, route: 'console' },
      ],
    });
    expect(config.bridge).toEqual({ mode: 'remote', url: 'https://bridge.ops.local:8443', token: 'op-123' });
    expect(config.windows[1]?.display).toEqual({ x: -1920, y: 0, width: 1920, height: 1080 });
  });

  it('opens no console on a wall machine unless windows asks for one', () => {
    expect(parseDesktopConfig({ wall: { layoutFile: 'wall-2x3.json' } })).toEqual({
      bridge: { mode: 'demo' },
      wall: { layoutFile: 'wall-2x3.json' },
      windows: [],
    });
    expect(parseDesktopConfig({ wall: {}, windows: [{ display: 6, route: 'console' }] })).toMatchObject({
      wall: { layoutFile: null },
      windows: [{ display: 6, route: 'console' }],
    });
  });

  it('keeps only the origin of a remote URL given with a trailing slash', () => {
    const config = parseDesktopConfig({ bridge: { ...remote, url: 'http://10.0.0.5:8080/' } });
    expect(config.bridge).toMatchObject({ url: 'http://10.0.0.5:8080' });
  });

  it.each([
    [{ bridge: { mode: 'cloud' } }, 'config.bridge.mode: expected "demo" or "remote", got "cloud"'],
    [{ bridge: 'demo' }, 'config.bridge: expected an object, got "demo"'],
    [{ bridge: { mode: 'demo', url: 'x' } }, 'config.bridge.url: unknown field'],
    [{ bridge: { mode: 'remote', url: 'https://a:1' } }, 'config.bridge.token: is required'],
    [{ bridge: { ...remote, token: '' } }, 'config.bridge.token: must not be empty'],
    [{ bridge: { ...remote, url: 'bridge:8443' } }, 'config.bridge.url: must use http or https, got bridge'],
    [{ bridge: { ...remote, url: 'not a url' } }, 'config.bridge.url: expected a URL like https://host:port'],
    [{ bridge: { ...remote, url: 'ws://a:1' } }, 'config.bridge.url: must use http or https, got ws'],
    [{ bridge: { ...remote, url: 'https://a:1/app' } }, 'config.bridge.url: must be an origin like https://host:port'],
    [{ bridge: { ...remote, url: 'https://u:p@a:1' } }, 'config.bridge.url: must not carry credentials'],
    [{ windows: [] }, 'config.windows: must list at least one window'],
    [{ windows: {} }, 'config.windows: expected an array, got an object'],
    [{ windows: [{ route: 'console' }, { route: 'wal' }] }, 'config.windows[1].route: expected one of console, cockpit, got "wal"'],
    [{ windows: [{ route: 'wall' }] }, 'config.windows[0].route: wall windows come from the wall layout'],
    [{ wall: { layoutFile: '' } }, 'config.wall.layoutFile: must not be empty'],
    [{ wall: { layout: 'x.json' } }, 'config.wall.layout: unknown field'],
    [{ wall: true }, 'config.wall: expected an object, got true'],
    [{ windows: [{ display: 1.5, route: 'cockpit' }] }, 'config.windows[0].display: expected an integer, got 1.5'],
    [{ windows: [{ display: 64, route: 'cockpit' }] }, 'config.windows[0].display: must be ≤ 63, got 64'],
    [{ windows: [{ display: '0', route: 'cockpit' }] }, 'config.windows[0].display: expected a display index or a rectangle'],
    [{ windows: [{ display: { x: 0, y: 0, width: 0, height: 9 }, route: 'cockpit' }] }, 'config.windows[0].display.width: must be ≥ 1, got 0'],
    [{ windows: [{ display: { x: 0, y: 0, width: 9 }, route: 'cockpit' }] }, 'config.windows[0].display.height: is required'],
    [{ windows: [{ display: { x: 0, y: 0, width: 9, height: 9 }, route: 'cockpit', kiosk: true }] }, 'config.windows[0].kiosk: needs a display index'],
    [{ windows: [{ route: 'cockpit', kiosk: 'yes' }] }, 'config.windows[0].kiosk: expected true or false, got "yes"'],
    [{ windows: [{ route: 'cockpit', fullscreen: true }] }, 'config.windows[0].fullscreen: unknown field'],
    [{ windowz: [] }, 'config.windowz: unknown field'],
    [[], 'config: expected an object, got an array of 0'],
  ])('refuses %j naming the bad field', (value, message) => {
    expect(() => parseDesktopConfig(value)).toThrow(message);
  });
});

describe('desktopConfigPath', () => {
  it('prefers --config over CITYBRAIN_CONFIG', () => {
    expect(desktopConfigPath('cli.json', { CITYBRAIN_CONFIG: 'env.json' })).toBe('cli.json');
  });

  it('falls back to CITYBRAIN_CONFIG, treating an empty value as unset', () => {
    expect(desktopConfigPath(undefined, { CITYBRAIN_CONFIG: 'env.json' })).toBe('env.json');
    expect(desktopConfigPath(undefined, { CITYBRAIN_CONFIG: '' })).toBeUndefined();
    expect(desktopConfigPath(undefined, {})).toBeUndefined();
  });
});
