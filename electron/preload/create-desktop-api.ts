/**
 * Builds the object the preload exposes. Kept apart from Electron so the
 * exact shape of what the renderer receives is tested without a browser.
 */
import { DesktopChannel } from '../common/ipc-channels';
import { appVersionFromArgv } from '../common/renderer-switches';
import type { CityBrainDesktopApi, DisplayInfo } from './desktop-api';
import { type Invoke, invokeAllowed } from './invoke-allowed';
import { type Listen, createOnSoftRefresh } from './soft-refresh-listeners';

export interface DesktopApiSources {
  invoke: Invoke;
  listen: Listen;
  /** The renderer process's argv, which carries the switches main added. */
  argv: readonly string[];
  /** `process.platform` of the renderer process. */
  platform: string;
}

export function createDesktopApi({ invoke, listen, argv, platform }: DesktopApiSources): CityBrainDesktopApi {
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
    onSoftRefresh: createOnSoftRefresh(listen, invoke),
  };
}
