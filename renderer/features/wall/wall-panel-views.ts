/**
 * What each kind of wall panel shows: the component and the props it gets.
 * Keyed by every kind the layout file may name, so a new kind in the
 * protocol does not compile until it has a component here (instead of
 * rendering an empty panel).
 */
import type { WallPanelKind } from '@protocol/wall-layout';
import type { Component } from 'vue';
import WallAlertsPanel from './WallAlertsPanel.vue';
import WallHeaderPanel from './WallHeaderPanel.vue';
import WallKpisPanel from './WallKpisPanel.vue';
import WallMapPanel from './WallMapPanel.vue';
import WallRankingPanel from './WallRankingPanel.vue';
import WallSignalPanel from './WallSignalPanel.vue';

/** A component and the props it is drawn with on the wall. */
export interface WallPanelView {
  component: Component;
  props: Record<string, unknown>;
}

/** The props `component` declares; checked here so a misspelt prop does not compile either. */
type PropsOf<C> = C extends abstract new (...args: never) => { $props: infer P } ? P : never;

function view<C extends Component>(component: C, props: PropsOf<C>): WallPanelView {
  return { component, props: props as Record<string, unknown> };
}

export const WALL_PANEL_VIEWS: Record<WallPanelKind, WallPanelView> = {
  header: view(WallHeaderPanel, {}),
  twin: view(WallMapPanel, { mode: 'twin' }),
  traffic: view(WallMapPanel, { mode: 'traffic' }),
  alerts: view(WallAlertsPanel, {}),
  kpis: view(WallKpisPanel, {}),
  'district-ranking': view(WallRankingPanel, {}),
  'signal-status': view(WallSignalPanel, {}),
};
