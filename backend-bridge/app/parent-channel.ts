/**
 * Messages the bridge sends to a parent process that spawned it: Electron's
 * utilityProcess (`process.parentPort`) or Node's child_process.fork
 * (`process.send`). Electron main parses these with the same types.
 */
export type ParentMessage =
  | {
      type: 'bridge-ready';
      port: number;
      /** `http://127.0.0.1:PORT` */
      origin: string;
      /** Demo tokens for the windows the parent opens. */
      tokens: { operator: string; viewer: string };
    }
  | { type: 'bridge-failed'; reason: string };

interface ElectronParentPort {
  postMessage(message: unknown): void;
}

/** Whether this process was started by a parent with a message channel (Electron main, or a test). */
export function hasParent(): boolean {
  return Boolean((process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort ?? process.send);
}

/** Sends a message to the parent; returns false when there is no parent channel. */
export function postToParent(message: ParentMessage): boolean {
  const parentPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    parentPort.postMessage(message);
    return true;
  }
  if (process.send) {
    process.send(message);
    return true;
  }
  return false;
}
