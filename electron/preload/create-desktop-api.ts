/**
 * Builds the object the preload exposes. Kept apart from Electron so the
 * exact shape of what the renderer receives is tested without a browser.
 */
import { DesktopChannel, isDesktopChannel } from '../common/ipc-channels';
import { appVersionFromArgv } from '../common/renderer-switches';
import type { CityBrainDesktopApi, DisplayInfo } from './desktop-api';

/** `ipcRenderer.invoke`, or a stand-in for it. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** Invokes `channel` only if it is on the allow-list; refuses anything else before it reaches IPC. */
export function invokeAllowed(invoke: Invoke, channel: string, ...args: unknown[]): Promise<unknown> {
  if (!isDesktopChannel(channel)) {
    return Promise.reject(new Error(`preload: refused IPC channel ${JSON.stringify(channel)}: not on the allow-list`));
  }
  return invoke(channel, ...args);
}

export interface DesktopApiSources {
  invoke: Invoke;
  /** The renderer process's argv, which carries the switches main added. */
  argv: readonly string[];
  /** `process.platform` of the renderer process. */
  platform: string;
}

export function createDesktopApi({ invoke, argv, platform }: DesktopApiSources): CityBrainDesktopApi {
  return {
    appVersion: appVersionFromArgv(argv),
    platform,
    // Main builds the list from Electron's screen module; it is ours, not the page's.
    getDisplays: () => invokeAllowed(invoke, DesktopChannel.getDisplays) as Promise<DisplayInfo[]>,
    setFullScreen: async (on) => {
      // Checked here too so a bad call fails in the page with a stack, not only in main's log.
      if (typeof on !== 'boolean') throw new TypeError(`setFullScreen(on): expected true or false, got ${typeof on}`);
      await invokeAllowed(invoke, DesktopChannel.setFullScreen, on);
    },
    reload: () => {
      invokeAllowed(invoke, DesktopChannel.reload).catch((error: unknown) => {
        console.error('cityBrainDesktop.reload failed:', error);
      });
    },
  };
}
