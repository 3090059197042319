/**
 * The desktop API contract: the only thing the renderer sees of Electron.
 *
 * This file imports nothing from Node or Electron so that the renderer can
 * import its types by relative path. The object is optional on the renderer
 * side: the same renderer also runs in a plain browser, where
 * `window.cityBrainDesktop` is absent.
 */

/** Name of the global the preload exposes: `window.cityBrainDesktop`. */
export const DESKTOP_API_KEY = 'cityBrainDesktop';

/** A rectangle in screen coordinates, in device-independent pixels (DIP). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One connected display, as the desktop config addresses it. */
export interface DisplayInfo {
  /**
   * Position of the display in reading order (sorted by top edge, then left
   * edge), starting at 0. This is the number a desktop config's
   * `windows[].display` names, so a 2×3 wall is 0 1 2 / 3 4 5.
   */
  index: number;
  /** The operating system's display id; stable only while the display stays connected. */
  id: number;
  /** Full area of the display, in DIP. */
  bounds: Rect;
  /** Area not covered by task bars and docks, in DIP. */
  workArea: Rect;
  /** Physical pixels per DIP (2 on a typical 4K panel at 200 % scaling). */
  scaleFactor: number;
  /** Whether the operating system calls this the primary display. */
  primary: boolean;
}

/** What `window.cityBrainDesktop` offers. Every call acts on the calling window only. */
export interface CityBrainDesktopApi {
  /** Version of the desktop app (package.json `version`). */
  readonly appVersion: string;
  /** Operating system, as Node's `process.platform` names it: `win32`, `linux`, `darwin`. */
  readonly platform: string;
  /** Displays currently connected, in reading order. */
  getDisplays(): Promise<DisplayInfo[]>;
  /** Puts the calling window into full screen, or takes it out. */
  setFullScreen(on: boolean): Promise<void>;
  /** Reloads the calling window, e.g. after the operator changed the language. */
  reload(): void;
  /**
   * Subscribes to the wall's scheduled soft refresh (the layout's
   * `softRefresh.at`, nightly by default). When it is due, main calls every
   * listener; the page rebuilds its views and stores behind the frame on show
   * (new Cesium viewer and charts mounted, then swapped in), so the screen
   * never goes black. Once every listener's promise has resolved main counts
   * the refresh as done. If no listener is subscribed, one throws or rejects,
   * or they take longer than main's timeout (30 s), main reloads the window
   * instead. Returns a function that unsubscribes the listener.
   */
  onSoftRefresh(listener: SoftRefreshListener): () => void;
}

/** Called for a soft refresh; resolve once the remounted views show. */
export type SoftRefreshListener = () => void | Promise<void>;
