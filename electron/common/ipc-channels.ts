/**
 * IPC channels between the preload and Electron main. Both sides check every
 * channel name against this allow-list, so a compromised renderer cannot reach
 * any other handler through the preload, and main refuses to register a
 * handler that is not listed here.
 */

/** Prefix every channel of this app carries; nothing else is ever invoked. */
export const CHANNEL_PREFIX = 'citybrain:';

export const DesktopChannel = {
  getDisplays: 'citybrain:get-displays',
  setFullScreen: 'citybrain:set-full-screen',
  reload: 'citybrain:reload',
} as const;

export type DesktopChannelName = (typeof DesktopChannel)[keyof typeof DesktopChannel];

const ALLOWED: ReadonlySet<string> = new Set(Object.values(DesktopChannel));

export function isDesktopChannel(channel: string): channel is DesktopChannelName {
  return channel.startsWith(CHANNEL_PREFIX) && ALLOWED.has(channel);
}

