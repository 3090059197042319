/**
 * The one way the preload calls main: only allow-listed channels ever reach
 * IPC, whatever the page passes.
 */
import { isDesktopChannel } from '../common/ipc-channels';

/** `ipcRenderer.invoke`, or a stand-in for it. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** Invokes `channel` only if it is on the allow-list; refuses anything else before it reaches IPC. */
export function invokeAllowed(invoke: Invoke, channel: string, ...args: unknown[]): Promise<unknown> {
  if (!isDesktopChannel(channel)) {
    return Promise.reject(new Error(`preload: refused IPC channel ${JSON.stringify(channel)}: not on the allow-list`));
  }
  return invoke(channel, ...args);
}
