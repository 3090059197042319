/**
 * The panels of each view, as the layout check (layout-check.ts) compares
 * them: the one list both the layout e2e and a view's own e2e use.
 */
import { COMMON_PANELS, type PanelSelector } from './layout-check';

export const CONSOLE_PANELS: readonly PanelSelector[] = [
  ...COMMON_PANELS,
  { selector: '[data-testid="time-bar"]', kind: 'panel' },
  { selector: '[data-testid="console-map"]', kind: 'map' },
];
export const COCKPIT_PANELS: readonly PanelSelector[] = [
  ...COMMON_PANELS,
  { selector: '[data-testid="cockpit-kpis"]', kind: 'panel' },
  { selector: '[data-testid="cockpit-kpis"] > .kpi', kind: 'panel' },
];
export const WALL_PANELS: readonly PanelSelector[] = [
  // A wall screen's cells (WallPanel, data-panel = its kind); the twin and the traffic cells are maps.
  { selector: '.wall-panel[data-panel="twin"], .wall-panel[data-panel="traffic"]', kind: 'map' },
  { selector: '.wall-panel[data-panel]', kind: 'panel' },
  { selector: '[data-testid="wall-focus"]', kind: 'overlay' },
  ...COMMON_PANELS,
];

