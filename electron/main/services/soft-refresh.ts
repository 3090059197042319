/**
 * The wall's scheduled soft refresh, main's side. Weeks of uptime let small
 * leaks and GPU drift pile up; once a night the wall's pages rebuild their
 * views. The page does it itself, behind the frame it is showing (see
 * `CityBrainDesktopApi.onSoftRefresh`), rather than main loading a new page
 * into a hidden window and swapping: a second window would hold a second 3D
 * scene and WebGL context per 4K screen during the swap, and a freshly shown
 * kiosk window can flash or land on the wrong display while the window manager
 * maps it. A page that does not confirm in time is reloaded, which at worst
 * shows the dark window background for a moment.
 */
import type { WebContents } from 'electron';
import { type WallSoftRefresh, nextSoftRefreshMs } from '../../../backend-bridge/protocol/wall-layout';
import { DesktopEvent } from '../../common/ipc-channels';

export interface SoftRefreshOptions {
  /** How long a page has to confirm its soft refresh before its window is reloaded instead, ms. @default 30_000 */
  confirmTimeoutMs: number;
  /**
   * How often the clock is compared with the refresh time, ms. Checking
   * instead of one long timer follows clock corrections and sleep.
   * @default 60_000
   */
  checkIntervalMs: number;
}

export const SOFT_REFRESH_DEFAULTS: SoftRefreshOptions = { confirmTimeoutMs: 30_000, checkIntervalMs: 60_000 };

export interface SoftRefresher {
  /** Asks the page in `contents` to soft refresh; reloads it unless it confirms within the timeout. */
  request(contents: WebContents): void;
  /** The page in `contents` has confirmed (the IPC handler calls this); a confirmation nobody asked for is ignored. */
  confirm(contents: WebContents): void;
}

export function createSoftRefresher(options: SoftRefreshOptions = SOFT_REFRESH_DEFAULTS): SoftRefresher {
  const pending = new Map<WebContents, NodeJS.Timeout>();
  return {
    request(contents) {
      if (contents.isDestroyed() || pending.has(contents)) return;
      contents.send(DesktopEvent.softRefresh);
      pending.set(
        contents,
        setTimeout(() => {
          pending.delete(contents);
          if (contents.isDestroyed()) return;
          console.warn(`soft refresh: the page did not confirm within ${options.confirmTimeoutMs} ms; reloading it`);
          contents.reload();
        }, options.confirmTimeoutMs),
      );
    },
    confirm(contents) {
      clearTimeout(pending.get(contents));
      pending.delete(contents);
    },
  };
}

/**
 * Calls `run` each time the layout's refresh time comes round; nothing when
 * it is disabled. Returns a function that stops the schedule.
 */
export function scheduleSoftRefresh(
  refresh: WallSoftRefresh,
  run: () => void,
  options: SoftRefreshOptions = SOFT_REFRESH_DEFAULTS,
  nowMs: () => number = Date.now,
): () => void {
  let dueMs = nextSoftRefreshMs(refresh, nowMs());
  if (dueMs === null) return () => undefined;
  const timer = setInterval(() => {
    const now = nowMs();
    if (dueMs === null || now < dueMs) return;
    dueMs = nextSoftRefreshMs(refresh, now);
    run();
  }, options.checkIntervalMs);
  return () => clearInterval(timer);
}
