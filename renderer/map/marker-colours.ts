/**
 * The colours of the map's dots, in one place for the markers that draw
 * them (cesium/drill-markers.ts) and the legend that explains them, so the
 * two cannot drift. Issue 14: orange dots among the towers had no legend
 * entry; they are fire alarms (devices, street zoom) and intersections near
 * an open alert (amber; red for several).
 */
import type { DeviceKind } from '@protocol';

/** A signalized intersection, shown from district zoom down. */
export const INTERSECTION_CSS = '#22d3ee';
/** An intersection with open alerts within reach: one, and several. */
export const NEAR_ALERT_CSS = ['#fbbf24', '#ff4d5e'] as const;
/** A device by kind, shown at street zoom. */
export const DEVICE_CSS: Record<DeviceKind, string> = {
  camera: '#b68cff',
  'loop-detector': '#a3e635',
  'fire-alarm': '#ff8a4c',
  'air-sensor': '#5b9dff',
};

/** One legend entry: its dot colours (two for a pair such as one / several alerts) and its i18n key. */
export interface MarkerLegendEntry {
  id: string;
  colours: readonly string[];
  labelKey: string;
}

export const MARKER_LEGEND: readonly MarkerLegendEntry[] = [
  { id: 'intersection', colours: [INTERSECTION_CSS], labelKey: 'map.markers.intersection' },
  { id: 'near-alert', colours: NEAR_ALERT_CSS, labelKey: 'map.markers.nearAlert' },
  ...(Object.keys(DEVICE_CSS) as DeviceKind[]).map((kind) => ({ id: kind, colours: [DEVICE_CSS[kind]], labelKey: `map.markers.devices.${kind}` })),
];
