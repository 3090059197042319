/**
 * Runs the demo bridge as an Electron utility process: a Node child that
 * Electron owns, so it dies with the app and needs no separate Node install.
 * Start-up ends in exactly one of: the bridge reports ready, it reports why it
 * failed, it exits, or it stays silent past the timeout (and is killed).
 */
import { type UtilityProcess, utilityProcess } from 'electron';
import type { BridgeAccess, BridgePlan } from '../bridge-plan';
import { parseBridgeMessage } from './bridge-process-plan';

export interface BridgeProcessOptions {
  /**
   * How long the bridge may take to report ready, in ms. Generating the demo
   * city takes a few seconds on a slow laptop. Default 30 000.
   */
  readyTimeoutMs?: number;
}

export const BRIDGE_PROCESS_DEFAULTS: Required<BridgeProcessOptions> = { readyTimeoutMs: 30_000 };

export interface RunningBridge {
  access: BridgeAccess;
  /** Calls `listener` with the exit code if the bridge ends without `stop()`. */
  onUnexpectedExit(listener: (code: number) => void): void;
  /** Asks the bridge to end (SIGTERM on POSIX); it closes its sockets and exits. */
  stop(): void;
}

export class BridgeStartError extends Error {
  override name = 'BridgeStartError';
}

export function startBridgeProcess(
  plan: Extract<BridgePlan, { kind: 'spawn-demo' }>,
  options: BridgeProcessOptions = {},
): Promise<RunningBridge> {
  const { readyTimeoutMs } = { ...BRIDGE_PROCESS_DEFAULTS, ...options };
  const child = utilityProcess.fork(plan.bridgeEntry, plan.args, {
    serviceName: 'City Brain bridge',
    // The bridge's log goes where main's goes: the terminal in development.
    stdio: 'inherit',
  });

  return new Promise((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const fail = (reason: string) => {
      settle();
      child.kill();
      reject(new BridgeStartError(reason));
    };
    const onMessage = (raw: unknown) => {
      let message;
      try {
        message = parseBridgeMessage(raw);
      } catch (error) {
        fail(`the demo bridge sent a message this app does not understand: ${(error as Error).message}`);
        return;
      }
      if (message.type === 'bridge-failed') {
        fail(`the demo bridge could not start: ${message.reason}`);
        return;
      }
      settle();
      resolve(running(child, { origin: message.origin, tokens: message.tokens }));
    };
    const onExit = (code: number) => {
      settle();
      reject(new BridgeStartError(`the demo bridge exited with code ${code} before it was ready`));
    };
    const timer = setTimeout(
      () => fail(`the demo bridge did not report ready within ${readyTimeoutMs} ms`),
      readyTimeoutMs,
    );
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

function running(child: UtilityProcess, access: BridgeAccess): RunningBridge {
  let stopping = false;
  const exitListeners: Array<(code: number) => void> = [];
  child.on('exit', (code) => {
    if (!stopping) for (const listener of exitListeners) listener(code);
  });
  return {
    access,
    onUnexpectedExit: (listener) => exitListeners.push(listener),
    stop: () => {
      stopping = true;
      child.kill();
    },
  };
}
