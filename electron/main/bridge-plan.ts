/**
 * Decides where the windows get their data: a bridge this app starts with the
 * simulated city (demo), or a bridge elsewhere (production). Pure, so each
 * combination of flags and config is tested without starting anything.
 */
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

export function planBridge(
  launch: LaunchArgs,
  config: DesktopConfig,
  files: { bridgeEntry: string; rendererDir: string; dataDir: string },
): BridgePlan {
  if (launch.replayFile !== undefined) {
    throw new BridgePlanError(`--replay ${launch.replayFile}: replaying a recorded session is not supported yet`);
  }
  if (config.bridge.mode === 'remote') {
    if (launch.seed !== undefined) {
      throw new BridgePlanError('--seed only applies to the demo bridge, but the desktop config names a remote bridge');
    }
    return { kind: 'remote', origin: config.bridge.url, token: config.bridge.token };
  }
  const seed = launch.seed === undefined ? [] : ['--seed', String(launch.seed)];
  return {
    kind: 'spawn-demo',
    bridgeEntry: files.bridgeEntry,
    args: [...DEMO_LISTEN, '--renderer', files.rendererDir, '--data-dir', files.dataDir, ...seed],
  };
}

/** A remote bridge issues one token to this desktop; every window uses it, whatever its route. */
export function remoteAccess(plan: Extract<BridgePlan, { kind: 'remote' }>): BridgeAccess {
  return { origin: plan.origin, tokens: { operator: plan.token, viewer: plan.token } };
}
