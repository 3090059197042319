/**
 * IPC channels between the preload and Electron main. Both sides check every
 * channel name against these allow-lists, so a compromised renderer cannot
 * reach any other handler through the preload, main refuses to register a
 * handler that is not listed here, and the preload listens to nothing else.
 */

/** Prefix every channel of this app carries; nothing else is ever invoked or listened to. */
export const CHANNEL_PREFIX = 'citybrain:';

/** Calls from the page to main (`ipcRenderer.invoke` → `ipcMain.handle`). */
export const DesktopChannel = {
  getDisplays: 'citybrain:get-displays',
  setFullScreen: 'citybrain:set-full-screen',
  reload: 'citybrain:reload',
  /** The page finished a soft refresh that main asked for. */
  softRefreshDone: 'citybrain:soft-refresh-done',
} as const;

export type DesktopChannelName = (typeof DesktopChannel)[keyof typeof DesktopChannel];

/** Events from main to the page (`webContents.send` → `ipcRenderer.on`); they carry no arguments. */
export const DesktopEvent = {
  /** Main asks the page to remount its views; it answers on `DesktopChannel.softRefreshDone`. */
  softRefresh: 'citybrain:soft-refresh',
} as const;

export type DesktopEventName = (typeof DesktopEvent)[keyof typeof DesktopEvent];

const ALLOWED_CHANNELS: ReadonlySet<string> = new Set(Object.values(DesktopChannel));
const ALLOWED_EVENTS: ReadonlySet<string> = new Set(Object.values(DesktopEvent));

export function isDesktopChannel(channel: string): channel is DesktopChannelName {
  return channel.startsWith(CHANNEL_PREFIX) && ALLOWED_CHANNELS.has(channel);
}

export function isDesktopEvent(channel: string): channel is DesktopEventName {
  return channel.startsWith(CHANNEL_PREFIX) && ALLOWED_EVENTS.has(channel);
}
