/**
 * The cockpit's calm city map as plain SVG geometry: each district's outline
 * as a path in a viewBox that holds the city (north up), its label point,
 * its band by travel time index and its open-alert badge by the highest
 * severity. Pure, so the drawing is tested without a browser.
 */
import type { Alert, CapSeverity, District } from '@protocol';
import { CAP_SEVERITIES, isOpenAlertStatus } from '@protocol';

/** Upper bounds of the map's index bands, the steps the console's district fill warms at (map/district-rollup.ts). */
export const MAP_TTI_BOUNDS = [1.2, 1.5, 2] as const;
export type MapBand = 0 | 1 | 2 | 3;

/** The band of an index: 0 below 1.2, 1 to 1.5, 2 to 2.0, 3 at 2.0 and above. */
export const mapBand = (travelTimeIndex: number): MapBand => MAP_TTI_BOUNDS.filter((bound) => travelTimeIndex >= bound).length as MapBand;

export interface MapShape {
  districtId: string;
  /** SVG path data in viewBox units. */
  path: string;
  labelX: number;
  labelY: number;
}

export interface MapGeometry {
  /** "minX minY width height" */
  viewBox: string;
  shapes: MapShape[];
}

/** Outlines of the districts in a viewBox with `marginFraction` room around them; y flipped so north is up. */
export function districtMapGeometry(districts: readonly Pick<District, 'id' | 'ringM' | 'labelM'>[], marginFraction = 0.04): MapGeometry {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const district of districts) {
    for (const [x, y] of district.ringM) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (!Number.isFinite(minX)) return { viewBox: '0 0 1 1', shapes: [] };
  const margin = Math.max(maxX - minX, maxY - minY) * marginFraction;
  const round = (value: number) => Math.round(value);
  const shapes = districts.map((district) => ({
    districtId: district.id,
    path: `M${district.ringM.map(([x, y]) => `${round(x)},${round(-y)}`).join('L')}Z`,
    labelX: round(district.labelM[0]),
    labelY: round(-district.labelM[1]),
  }));
  const viewBox = [minX - margin, -maxY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin].map(round).join(' ');
  return { viewBox, shapes };
}

export interface DistrictBadge {
  count: number;
  /** The most severe open alert's severity. */
  severity: CapSeverity;
}

/** Open alerts per district with the highest severity among them; districts with none are left out. */
export function openAlertBadges(alerts: Iterable<Alert>): Map<string, DistrictBadge> {
  const badges = new Map<string, DistrictBadge>();
  const rank = (severity: CapSeverity) => CAP_SEVERITIES.indexOf(severity);
  for (const alert of alerts) {
    if (!isOpenAlertStatus(alert.status)) continue;
    const badge = badges.get(alert.districtId);
    if (!badge) badges.set(alert.districtId, { count: 1, severity: alert.severity });
    else {
      badge.count++;
      if (rank(alert.severity) < rank(badge.severity)) badge.severity = alert.severity;
    }
  }
  return badges;
}
