import { describe, expect, it } from 'vitest';
import { planBridge, remoteAccess } from './bridge-plan';
import { DEFAULT_DESKTOP_CONFIG, type DesktopConfig } from './config-plan';

const files = {
  bridgeEntry: '/app/dist/bridge/main.js',
  rendererDir: '/app/dist/renderer',
  dataDir: '/home/op/.config/City Brain/data',
  workingDir: '/home/op/demo',
};
const remoteConfig: DesktopConfig = {
  bridge: { mode: 'remote', url: 'https://bridge.ops.local:8443', token: 'op-123' },
  wall: null,
  windows: [{ route: 'console' }],
};
const demoArgs = (launch: Parameters<typeof planBridge>[0], config = DEFAULT_DESKTOP_CONFIG) => {
  const plan = planBridge(launch, config, files);
  if (plan.kind !== 'spawn-demo') throw new Error('expected the demo bridge');
  return plan.args.slice(8);
};

describe('planBridge', () => {
  it('starts the demo bridge on a free loopback port serving the built renderer, storing data in the user data folder', () => {
    expect(planBridge({}, DEFAULT_DESKTOP_CONFIG, files)).toEqual({
      kind: 'spawn-demo',
      bridgeEntry: '/app/dist/bridge/main.js',
      args: ['--port', '0', '--host', '127.0.0.1', '--renderer', '/app/dist/renderer', '--data-dir', '/home/op/.config/City Brain/data'],
    });
  });

  it('passes --seed on to the demo bridge', () => {
    expect(demoArgs({ seed: 7 })).toEqual(['--seed', '7']);
  });

  it('passes --replay and --bridge-config on as the bridge flags --replay and --config, resolved against the launch folder', () => {
    expect(demoArgs({ replayFile: 'day.jsonl', bridgeConfigFile: '/etc/citybrain/bridge.json' })).toEqual([
      '--replay',
      '/home/op/demo/day.jsonl',
      '--config',
      '/etc/citybrain/bridge.json',
    ]);
  });

  it('gives the demo bridge the wall layout file, so browsers get the layout the windows were placed by', () => {
    const wallConfig: DesktopConfig = { ...DEFAULT_DESKTOP_CONFIG, wall: { layoutFile: '/home/op/wall-2x3.json' }, windows: [] };
    expect(demoArgs({}, wallConfig)).toEqual(['--wall-layout', '/home/op/wall-2x3.json']);
    expect(demoArgs({}, { ...wallConfig, wall: { layoutFile: null } })).toEqual([]);
  });

  it('uses the configured remote bridge', () => {
    expect(planBridge({}, remoteConfig, files)).toEqual({
      kind: 'remote',
      origin: 'https://bridge.ops.local:8443',
      token: 'op-123',
    });
  });

  it('refuses demo-only flags with a remote bridge, which is configured where it runs', () => {
    expect(() => planBridge({ seed: 7 }, remoteConfig, files)).toThrow('--seed only applies to the demo bridge');
    expect(() => planBridge({ replayFile: 'day.jsonl' }, remoteConfig, files)).toThrow('--replay only applies to the demo bridge');
    expect(() => planBridge({ bridgeConfigFile: 'b.json' }, remoteConfig, files)).toThrow('--bridge-config only applies to the demo bridge');
  });
});

describe('remoteAccess', () => {
  it('gives every role the one configured token', () => {
    expect(remoteAccess({ kind: 'remote', origin: 'https://b:1', token: 't' })).toEqual({
      origin: 'https://b:1',
      tokens: { operator: 't', viewer: 't' },
    });
  });
});
