/**
 * Which screen of the layout this window is, and what it shows under the
 * current scene: the scene's override for the screen, else the screen's own.
 */
import type { WallArrangement, WallLayout, WallPanel, WallScene, WallScreen } from '@protocol/wall-layout';

/** The screen named by `screenId`, or the first one when none is named; an unknown id throws, naming the ones there are. */
export function screenOf(layout: WallLayout, screenId: string | null): WallScreen {
  if (screenId === null) return layout.screens[0]!;
  const screen = layout.screens.find((candidate) => candidate.id === screenId);
  if (!screen) {
    throw new Error(`screen=${JSON.stringify(screenId)}: the wall layout has no such screen; it has ${layout.screens.map((s) => s.id).join(', ')}`);
  }
  return screen;
}

export function arrangementFor(screen: WallScreen, scene: WallScene | null): WallArrangement {
  const override = scene?.layout?.find((candidate) => candidate.screenId === screen.id);
  return override ?? { grid: screen.grid, panels: screen.panels };
}

/** CSS `grid-area` of a panel (grid lines are one-based, the layout's cells zero-based). */
export function gridArea(panel: WallPanel): string {
  return `${panel.row + 1} / ${panel.column + 1} / span ${panel.rowSpan} / span ${panel.columnSpan}`;
}
