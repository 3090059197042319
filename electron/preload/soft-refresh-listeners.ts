/**
 * The page's side of the scheduled soft refresh: main sends one event, the
 * preload runs the page's listeners and confirms to main once they are all
 * done. Not confirming is the page's way of asking for a hard reload, which
 * main does after its timeout (no listener, or one that failed).
 */
import { DesktopChannel, DesktopEvent, isDesktopEvent } from '../common/ipc-channels';
import type { SoftRefreshListener } from './desktop-api';
import { type Invoke, invokeAllowed } from './invoke-allowed';

/** `ipcRenderer.on` without its event argument (the page must never see the IPC event object), or a stand-in. */
export type Listen = (channel: string, handler: () => void) => void;

/** Listens to `channel` only if it is on the event allow-list. */
export function listenAllowed(listen: Listen, channel: string, handler: () => void): void {
  if (!isDesktopEvent(channel)) throw new Error(`preload: refused to listen to IPC channel ${JSON.stringify(channel)}: not on the allow-list`);
  listen(channel, handler);
}

/** Builds `onSoftRefresh`; the IPC listener is added on the first subscription only. */
export function createOnSoftRefresh(listen: Listen, invoke: Invoke): (listener: SoftRefreshListener) => () => void {
  const listeners = new Set<SoftRefreshListener>();
  let listening = false;

  const runAll = async (): Promise<void> => {
    if (listeners.size === 0) return;
    // async turns a listener's synchronous throw into a rejection, so every listener runs and every failure is seen.
    const outcomes = await Promise.allSettled([...listeners].map(async (listener) => listener()));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) {
      console.error('cityBrainDesktop: a soft refresh listener failed; main will reload the window', failure.reason);
      return;
    }
    await invokeAllowed(invoke, DesktopChannel.softRefreshDone);
  };

  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError(`onSoftRefresh(listener): expected a function, got ${typeof listener}`);
    if (!listening) {
      listenAllowed(listen, DesktopEvent.softRefresh, () => {
        runAll().catch((error: unknown) => console.error('cityBrainDesktop: could not confirm the soft refresh', error));
      });
      listening = true;
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
}
