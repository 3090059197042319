/**
 * Turns the configured windows into concrete window specs for the displays
 * that are connected right now. Pure: the same config on a 2×3 wall, a laptop
 * or a test gives predictable bounds, and a display that is missing (a panel
 * unplugged overnight) yields a warning and a fallback, never a crash.
 */
import type { DisplayInfo, Rect } from '../preload/desktop-api';
import type { BridgeAccess } from './bridge-plan';
import type { Route, WindowConfig } from './config-plan';
import type { WallPlacement } from './wall-window-plan';

export interface WindowSpec {
  route: Route;
  title: string;
  /** The renderer page with its hash route and session token. */
  url: string;
  /**
   * Where the window is created, in screen DIP. A full-screen window is put
   * here first, then goes full screen on the display that holds it.
   */
  bounds: Rect;
  fullscreen: boolean;
  /** Full screen with the window manager's ways out disabled. */
  kiosk: boolean;
  /** No title bar or borders, so wall panels meet edge to edge. */
  frameless: boolean;
}

export interface WindowPlan {
  specs: WindowSpec[];
  /** One line per window that could not go where the config asked, saying where it went instead. */
  warnings: string[];
}

/** The wall and the cockpit only display; only the console may act. */
const ROLE_OF_ROUTE: Record<Route, keyof BridgeAccess['tokens']> = {
  console: 'operator',
  wall: 'viewer',
  cockpit: 'viewer',
};

const LABEL_OF_ROUTE: Record<Route, string> = {
  console: 'Console',
  wall: 'Wall',
  cockpit: 'Cockpit',
};

/** The renderer page of `route`, with `query` before the session token, e.g. `…/#/wall?screen=a1&token=…`. */
export function rendererUrl(access: BridgeAccess, route: Route, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...query, token: access.tokens[ROLE_OF_ROUTE[route]] });
  return `${access.origin}/#/${route}?${params.toString()}`;
}

/** One frameless window per placed wall screen, loading that screen's page. */
export function wallWindowSpecs(placements: readonly WallPlacement[], access: BridgeAccess): WindowSpec[] {
  return placements.map((placement) => {
    const where = placement.displayIndex === null ? 'bounds' : `display ${placement.displayIndex}`;
    return {
      route: 'wall',
      title: `City Brain — ${LABEL_OF_ROUTE.wall} · ${placement.screenName} · ${where}`,
      url: rendererUrl(access, 'wall', { screen: placement.screenId }),
      bounds: { ...placement.bounds },
      fullscreen: placement.kiosk,
      kiosk: placement.kiosk,
      frameless: true,
    };
  });
}

export function planWindows(
  displays: readonly DisplayInfo[],
  windows: readonly WindowConfig[],
  access: BridgeAccess,
): WindowPlan {
  const primary = displays.find((display) => display.primary) ?? displays[0];
  if (!primary) throw new Error('no display is connected, so there is nowhere to open a window');
  const warnings: string[] = [];

  const specs = windows.map((window, configIndex): WindowSpec => {
    const common = { route: window.route, url: rendererUrl(access, window.route), frameless: false };
    const label = `City Brain — ${LABEL_OF_ROUTE[window.route]}`;

    if (typeof window.display === 'object') {
      const title = `${label} · window ${configIndex}`;
      return { ...common, title, bounds: { ...window.display }, fullscreen: false, kiosk: false };
    }

    let display = primary;
    if (window.display !== undefined) {
      const wanted = displays.find((candidate) => candidate.index === window.display);
      if (wanted) display = wanted;
      else warnings.push(missingDisplayWarning(configIndex, window.display, displays.length));
    }
    const kiosk = window.kiosk ?? false;
    return {
      ...common,
      title: window.display === undefined ? label : `${label} · display ${display.index}`,
      // A windowed console keeps clear of task bars; a kiosk one covers the panel.
      bounds: { ...(kiosk ? display.bounds : display.workArea) },
      fullscreen: kiosk,
      kiosk,
    };
  });
  return { specs, warnings };
}

function missingDisplayWarning(configIndex: number, index: number, connected: number): string {
  const range = connected === 1 ? 'only display 0 is' : `displays 0–${connected - 1} are`;
  return (
    `windows[${configIndex}].display: display ${index} is not connected (${range}); ` +
    'using the primary display instead'
  );
}
