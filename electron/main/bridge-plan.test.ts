import { describe, expect, it } from 'vitest';
import { planBridge, remoteAccess } from './bridge-plan';
import { DEFAULT_DESKTOP_CONFIG, type DesktopConfig } from './config-plan';

const files = { bridgeEntry: '/app/dist/bridge/main.js', rendererDir: '/app/dist/renderer', dataDir: '/home/op/.config/City Brain/data' };
const remoteConfig: DesktopConfig = {
  bridge: { mode: 'remote', url: 'https://bridge.ops.local:8443', token: 'op-123' },
  windows: [{ route: 'console' }],
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
    const plan = planBridge({ seed: 7 }, DEFAULT_DESKTOP_CONFIG, files);
    expect(plan.kind === 'spawn-demo' && plan.args.slice(-2)).toEqual(['--seed', '7']);
  });

  it('uses the configured remote bridge', () => {
    expect(planBridge({}, remoteConfig, files)).toEqual({
      kind: 'remote',
      origin: 'https://bridge.ops.local:8443',
      token: 'op-123',
    });
  });

  it('refuses --seed with a remote bridge, which has its own city', () => {
    expect(() => planBridge({ seed: 7 }, remoteConfig, files)).toThrow('--seed only applies to the demo bridge');
  });

  it('refuses --replay, which is reserved', () => {
    expect(() => planBridge({ replayFile: 'day.jsonl' }, DEFAULT_DESKTOP_CONFIG, files)).toThrow(
      '--replay day.jsonl: replaying a recorded session is not supported yet',
    );
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
