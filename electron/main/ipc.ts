/**
 * Main's side of the preload API. Each handler is registered only for an
 * allow-listed channel, answers only frames served from the app's origin, and
 * validates its arguments: the renderer is a web page and is not trusted.
 */
import { BrowserWindow, type IpcMainInvokeEvent, type WebContents, ipcMain, screen } from 'electron';
import * as v from 'valibot';
import { ValidationError, parseAt } from '../../backend-bridge/protocol/validation';
import { DesktopChannel, type DesktopChannelName, isDesktopChannel } from '../common/ipc-channels';
import type { DisplayInfo } from '../preload/desktop-api';
import { describeDisplays } from './displays-plan';
import { isSameOrigin } from './security-plan';

type Handler = (event: IpcMainInvokeEvent, args: unknown[]) => unknown;

/** What main's services want to hear from pages. */
export interface DesktopIpcHooks {
  /** The page in `contents` finished the soft refresh main asked for. */
  onSoftRefreshDone(contents: WebContents): void;
}

export function registerDesktopIpc(appOrigin: string, hooks: DesktopIpcHooks): void {
  const handle = (channel: DesktopChannelName, handler: Handler) => {
    if (!isDesktopChannel(channel)) throw new Error(`ipc: ${channel} is not on the allow-list`);
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const caller = event.senderFrame?.url;
      if (caller === undefined || !isSameOrigin(caller, appOrigin)) {
        throw new Error(`${channel}: refused a call from ${caller ?? 'a frame that is gone'}`);
      }
      return handler(event, args);
    });
  };

  handle(DesktopChannel.getDisplays, (_event, args): DisplayInfo[] => {
    expectArity(DesktopChannel.getDisplays, args, 0);
    return describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  });

  handle(DesktopChannel.setFullScreen, (event, args) => {
    expectArity(DesktopChannel.setFullScreen, args, 1);
    const on = parseAt(v.boolean(), args[0], `${DesktopChannel.setFullScreen}(on)`);
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!window) throw new Error(`${DesktopChannel.setFullScreen}: the calling window is gone`);
    window.setFullScreen(on);
  });

  handle(DesktopChannel.reload, (event, args) => {
    expectArity(DesktopChannel.reload, args, 0);
    event.sender.reload();
  });

  handle(DesktopChannel.softRefreshDone, (event, args) => {
    expectArity(DesktopChannel.softRefreshDone, args, 0);
    hooks.onSoftRefreshDone(event.sender);
  });
}

function expectArity(channel: string, args: readonly unknown[], count: number): void {
  if (args.length !== count) throw new ValidationError(channel, `expected ${count} argument(s), got ${args.length}`);
}
