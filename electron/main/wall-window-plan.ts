/**
 * Places the wall layout's screens on the displays connected right now. Pure,
 * so one display, two side by side, a 2×3 wall and a missing panel are all
 * tested without Electron.
 *
 * A screen names its display by index (reading order, see displays-plan) or
 * by bounds. Bounds equal to a display's put the screen full screen on it;
 * bounds that only overlap displays (one output driving several panels
 * through a video processor) get a borderless window at exactly those bounds.
 *
 * A screen whose display is missing (a panel switched off or unplugged) is
 * not allowed to stop the wall: it is listed as an error (main logs it) and
 * shown on the first display no other screen uses, the primary preferred, so
 * its content stays on the wall. When every connected display is taken it is
 * skipped rather than stacked over another screen, which would hide that
 * screen's content; services/wall-windows.ts opens it once its display is
 * back.
 */
import type { WallLayout, WallScreen } from '../../backend-bridge/protocol/wall-layout';
import type { DisplayInfo, Rect } from '../preload/desktop-api';

/** Where one wall screen's window goes. */
export interface WallPlacement {
  screenId: string;
  screenName: string;
  /** Where the window is created, DIP. */
  bounds: Rect;
  /** The display holding the window, or null for a window at layout bounds that are not one whole display. */
  displayIndex: number | null;
  /** Kiosk (full screen, no way out) on its display; false for a window at partial bounds, which kiosk would blow up. */
  kiosk: boolean;
}

export interface WallWindowPlan {
  placements: WallPlacement[];
  /** One line per screen that could not go where the layout asked, saying where it went instead. */
  errors: string[];
}

type Target = { display: DisplayInfo } | { bounds: Rect } | { missing: string };

export function planWallWindows(displays: readonly DisplayInfo[], layout: WallLayout): WallWindowPlan {
  if (displays.length === 0) throw new Error('no display is connected, so there is nowhere to open the wall');
  const targets = layout.screens.map((screen) => targetOf(screen, displays));
  const taken = new Set<number>();
  for (const target of targets) if ('display' in target) taken.add(target.display.index);

  const placements: WallPlacement[] = [];
  const errors: string[] = [];
  layout.screens.forEach((screen, i) => {
    const target = targets[i]!;
    const label = `screens[${i}] ${JSON.stringify(screen.id)}`;
    if ('display' in target) {
      placements.push(onDisplay(screen, target.display));
    } else if ('bounds' in target) {
      placements.push({ screenId: screen.id, screenName: screen.name, bounds: { ...target.bounds }, displayIndex: null, kiosk: false });
    } else {
      const free = freeDisplay(displays, taken);
      if (free === undefined) {
        errors.push(`${label}: ${target.missing}; not shown, every connected display already shows a screen`);
        return;
      }
      taken.add(free.index);
      placements.push(onDisplay(screen, free));
      errors.push(`${label}: ${target.missing}; shown on display ${free.index} instead`);
    }
  });
  return { placements, errors };
}

function targetOf(screen: WallScreen, displays: readonly DisplayInfo[]): Target {
  if ('index' in screen.display) {
    const { index } = screen.display;
    const display = displays.find((candidate) => candidate.index === index);
    return display ? { display } : { missing: `display ${index} is not connected (${connectedRange(displays.length)})` };
  }
  const { bounds } = screen.display;
  const exact = displays.find((candidate) => sameRect(candidate.bounds, bounds));
  if (exact) return { display: exact };
  if (displays.some((candidate) => overlaps(candidate.bounds, bounds))) return { bounds };
  return { missing: `no connected display overlaps bounds ${describeRect(bounds)}` };
}

function onDisplay(screen: WallScreen, display: DisplayInfo): WallPlacement {
  return { screenId: screen.id, screenName: screen.name, bounds: { ...display.bounds }, displayIndex: display.index, kiosk: true };
}

function freeDisplay(displays: readonly DisplayInfo[], taken: ReadonlySet<number>): DisplayInfo | undefined {
  const free = displays.filter((display) => !taken.has(display.index));
  return free.find((display) => display.primary) ?? free[0];
}

function connectedRange(count: number): string {
  return count === 1 ? 'only display 0 is' : `displays 0–${count - 1} are`;
}

/** True when two rectangles are the same, edge for edge. */
export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function describeRect(rect: Rect): string {
  return `x ${rect.x}, y ${rect.y}, ${rect.width}×${rect.height}`;
}
