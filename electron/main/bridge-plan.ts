/**
 * Decides where the windows get their data: a bridge this app starts with the
 * simulated city (demo), or a bridge elsewhere (production). Pure, so each
 * combination of flags and config is tested without starting anything.
 */
import { resolve } from 'node:path';
import type { DesktopConfig } from './config-plan';
import type { LaunchArgs } from './launch-args';

export type BridgePlan =
  /** Fork `bridgeEntry` with `args` as an Electron utility process and wait for it to report ready. */
  | { kind: 'spawn-demo'; bridgeEntry: string; args: string[] }
  /** Load the renderer from `origin` (`https://host:port`) and log in with `token`. */
  | { kind: 'remote'; origin: string; token: string };

/** Where a running bridge is and the session tokens for each role the windows need. */
export interface BridgeAccess {
  /** `http://127.0.0.1:PORT` for the demo bridge; the configured origin otherwise. */
  origin: string;
  tokens: { operator: string; viewer: string };
}

export class BridgePlanError extends Error {
  override name = 'BridgePlanError';
}

/**
 * The demo bridge listens on loopback only and on any free port, so two
 * machines' demos or a stale process never collide and nothing is exposed to
 * the network.
 */
const DEMO_LISTEN = ['--port', '0', '--host', '127.0.0.1'];

/** Where the demo bridge's files are, and the folder relative flag values are taken from. */
export interface BridgeFiles {
  bridgeEntry: string;
  rendererDir: string;
  /** The bridge's database folder. */
  dataDir: string;
  /** The folder `npm start` or the app was launched from; relative `--replay` and `--bridge-config` files resolve against it. */
  workingDir: string;
}

/** Flags that only the demo bridge understands; a remote bridge is configured where it runs. */
const DEMO_ONLY_FLAGS = [
  ['seed', '--seed'],
  ['replayFile', '--replay'],
  ['bridgeConfigFile', '--bridge-config'],
] as const satisfies ReadonlyArray<readonly [keyof LaunchArgs, string]>;

export function planBridge(launch: LaunchArgs, config: DesktopConfig, files: BridgeFiles): BridgePlan {
  if (config.bridge.mode === 'remote') {
    for (const [key, flag] of DEMO_ONLY_FLAGS) {
      if (launch[key] !== undefined) {
        throw new BridgePlanError(`${flag} only applies to the demo bridge, but the desktop config names a remote bridge`);
      }
    }
    return { kind: 'remote', origin: config.bridge.url, token: config.bridge.token };
  }
  const flag = (name: string, value: string | undefined) => (value === undefined ? [] : [name, value]);
  const file = (path: string | undefined) => (path === undefined ? undefined : resolve(files.workingDir, path));
  return {
    kind: 'spawn-demo',
    bridgeEntry: files.bridgeEntry,
    args: [
      ...DEMO_LISTEN,
      '--renderer',
      files.rendererDir,
      '--data-dir',
      files.dataDir,
      ...flag('--seed', launch.seed === undefined ? undefined : String(launch.seed)),
      ...flag('--replay', file(launch.replayFile)),
      ...flag('--config', file(launch.bridgeConfigFile)),
      // The bridge serves the same layout to browsers that main places windows by (already absolute, see config.ts).
      ...flag('--wall-layout', config.wall?.layoutFile ?? undefined),
    ],
  };
}

/** A remote bridge issues one token to this desktop; every window uses it, whatever its route. */
export function remoteAccess(plan: Extract<BridgePlan, { kind: 'remote' }>): BridgeAccess {
  return { origin: plan.origin, tokens: { operator: plan.token, viewer: plan.token } };
}
