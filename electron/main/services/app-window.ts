/**
 * Opens one app window from its spec: hardened, self-healing, placed on its
 * display, then full screen or kiosk there.
 */
import { BrowserWindow } from 'electron';
import { hardenWebContents, windowWebPreferences } from '../security';
import type { WindowSpec } from '../window-plan';
import { keepRendererAlive } from './renderer-recovery';

export interface AppWindowOptions {
  /** The bundled preload (dist/electron/preload.cjs). */
  preloadFile: string;
  /** Shown to the page as `cityBrainDesktop.appVersion`. */
  appVersion: string;
  /** The bridge origin; the only origin the window may show. */
  appOrigin: string;
}

/** The dark theme's page background, so a window never flashes white before the page paints. */
const BACKGROUND_COLOR = '#0a0e17';

export function openAppWindow(spec: WindowSpec, options: AppWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...spec.bounds,
    title: spec.title,
    frame: !spec.frameless,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    webPreferences: windowWebPreferences(options.preloadFile, options.appVersion),
  });
  hardenWebContents(window.webContents, options.appOrigin);
  keepRendererAlive(window.webContents, spec.url);
  // The title says which display this is; the page's own title would make every wall window look alike.
  window.on('page-title-updated', (event) => event.preventDefault());

  // Window managers cascade or clamp new windows, and full screen happens on
  // the display that holds the window: it is created at its bounds, put there
  // again, and goes full screen only once it is shown there. Done the other
  // way round, a wall window fills the primary display at the primary's size.
  window.setBounds(spec.bounds);
  window.once('show', () => {
    if (spec.kiosk) window.setKiosk(true);
    else if (spec.fullscreen) window.setFullScreen(true);
  });
  window.show();

  window.loadURL(spec.url).catch((error: unknown) => {
    // keepRendererAlive retries through did-fail-load; this only keeps the rejection handled.
    console.warn(`window ${spec.title}: first load failed: ${(error as Error).message}`);
  });
  return window;
}
