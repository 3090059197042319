/**
 * The video wall's windows: one kiosk window per screen of the layout, kept on
 * its display for weeks. A panel that is power-cycled at night disappears
 * from the OS's display list and the OS moves its window onto another
 * display, over that display's own screen. So when displays change, the
 * layout is placed again: a window whose screen now has no place is hidden
 * (rather than cover another screen), every window not where its screen
 * belongs is put back and shown, and a screen that had no display before
 * gets its window.
 */
import { type BrowserWindow, screen } from 'electron';
import type { WallLayout } from '../../../backend-bridge/protocol/wall-layout';
import type { BridgeAccess } from '../bridge-plan';
import { describeDisplays } from '../displays-plan';
import { type WallPlacement, planWallWindows, sameRect } from '../wall-window-plan';
import { wallWindowSpecs } from '../window-plan';
import { type AppWindowOptions, openAppWindow } from './app-window';
import { type SoftRefresher, scheduleSoftRefresh } from './soft-refresh';

/** Display changes come in bursts (a wall powering up adds six panels); they are acted on once it is quiet for this long, ms. */
export const DISPLAY_SETTLE_MS = 2_000;

export interface OpenWall {
  /** The wall's windows, in the order of the layout's screens. */
  windows(): BrowserWindow[];
  /** Stops following display changes and the soft refresh schedule. */
  stop(): void;
}

export function openWall(layout: WallLayout, access: BridgeAccess, options: AppWindowOptions, refresher: SoftRefresher): OpenWall {
  const byScreen = new Map<string, BrowserWindow>();

  const place = () => {
    const displays = describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    const { placements, errors } = planWallWindows(displays, layout);
    for (const error of errors) console.error(`wall layout: ${error}`);
    const specs = wallWindowSpecs(placements, access);
    const placed = new Set(placements.map((placement) => placement.screenId));
    for (const [screenId, window] of byScreen) {
      if (placed.has(screenId) || window.isDestroyed() || !window.isVisible()) continue;
      console.warn(`wall: hiding screen ${JSON.stringify(screenId)} until a display is free for it`);
      window.hide();
    }
    placements.forEach((placement, i) => {
      const open = byScreen.get(placement.screenId);
      if (open && !open.isDestroyed()) moveIfAstray(open, placement);
      else byScreen.set(placement.screenId, openAppWindow(specs[i]!, options));
    });
  };

  let settleTimer: NodeJS.Timeout | undefined;
  const onDisplaysChanged = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(place, DISPLAY_SETTLE_MS);
  };
  screen.on('display-added', onDisplaysChanged);
  screen.on('display-removed', onDisplaysChanged);
  screen.on('display-metrics-changed', onDisplaysChanged);

  place();
  const windows = () => layout.screens.flatMap((s) => byScreen.get(s.id) ?? []).filter((window) => !window.isDestroyed());
  const stopSoftRefresh = scheduleSoftRefresh(layout.softRefresh, () => {
    for (const window of windows()) refresher.request(window.webContents);
  });

  return {
    windows,
    stop: () => {
      clearTimeout(settleTimer);
      screen.off('display-added', onDisplaysChanged);
      screen.off('display-removed', onDisplaysChanged);
      screen.off('display-metrics-changed', onDisplaysChanged);
      stopSoftRefresh();
    },
  };
}

/**
 * Puts a window back on its screen's place and shows it; kiosk is left and
 * entered again once the window is there, so it applies to the new display.
 */
function moveIfAstray(window: BrowserWindow, placement: WallPlacement): void {
  if (window.isVisible() && sameRect(window.getBounds(), placement.bounds)) return;
  const where = placement.displayIndex === null ? 'its bounds' : `display ${placement.displayIndex}`;
  console.warn(`wall: putting screen ${JSON.stringify(placement.screenId)} back on ${where}`);
  if (window.isKiosk()) window.setKiosk(false);
  window.setBounds(placement.bounds);
  window.show();
  if (placement.kiosk) window.setKiosk(true);
}
