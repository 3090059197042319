/**
 * Where the camera goes for each drill level, in the city's local metres:
 * the whole city, a district's bounds, about 400 m above an intersection at
 * 45°, a link's length, about 150 m above a device. Pure, so the choices
 * test without WebGL.
 */
import { type RingM, ringHolds } from '@common/geo/ring-locator';
import type { CityLookup } from '../../features/drill/city-lookup';
import type { DrillTarget } from '../../features/drill/drill-target';

export interface DrillView {
  /** What the camera looks at, metres east and north of the city origin. */
  xM: number;
  yM: number;
  /** Distance from the camera to that point, metres. */
  rangeM: number;
  /** Degrees below the horizon (negative). */
  pitchDeg: number;
  /** Degrees clockwise from north. */
  headingDeg: number;
}

/** Camera height above an intersection, metres, and above a device. */
export const INTERSECTION_HEIGHT_M = 400;
export const DEVICE_HEIGHT_M = 150;
const CLOSE_PITCH_DEG = -45;
const AREA_PITCH_DEG = -50;
/** How much wider than an area the view is, so its edges are in frame. */
const AREA_MARGIN = 1.25;
/** Headings tried, in order, for a close view: the first whose camera stands inside the district wins. */
const HEADINGS_DEG = [15, 60, 105, 150, 195, 240, 285, 330];

function ringBounds(ring: RingM): { xM: number; yM: number; extentM: number } {
  const xs = ring.map(([x]) => x);
  const ys = ring.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { xM: (minX + maxX) / 2, yM: (minY + maxY) / 2, extentM: Math.max(maxX - minX, maxY - minY, 1) };
}

/**
 * A heading whose camera position stands inside `ring`: the rest of the
 * city is dimmed by a volume around the district, and a camera inside that
 * volume would see its nearest neighbours undimmed.
 */
export function headingInside(ring: RingM | undefined, xM: number, yM: number, horizontalM: number): number {
  const fallback = HEADINGS_DEG[0]!;
  if (!ring) return fallback;
  return (
    HEADINGS_DEG.find((headingDeg) => {
      const rad = (headingDeg * Math.PI) / 180;
      // The camera looks along the heading, so it stands behind the point.
      return ringHolds(ring, xM - horizontalM * Math.sin(rad), yM - horizontalM * Math.cos(rad));
    }) ?? fallback
  );
}

function closeView(xM: number, yM: number, heightM: number, ring: RingM | undefined): DrillView {
  const pitchRad = (Math.abs(CLOSE_PITCH_DEG) * Math.PI) / 180;
  const rangeM = heightM / Math.sin(pitchRad);
  return { xM, yM, rangeM, pitchDeg: CLOSE_PITCH_DEG, headingDeg: headingInside(ring, xM, yM, rangeM * Math.cos(pitchRad)) };
}

/** The view for a target; null for the city (the overview) or an id the city does not have. */
export function drillView(lookup: CityLookup, target: DrillTarget, linkMidpointM: (linkId: string) => [number, number] | null): DrillView | null {
  const id = target.id ?? '';
  const ringOf = (districtId: string) => lookup.districts.get(districtId)?.ringM;
  switch (target.level) {
    case 'city':
      return null;
    case 'district': {
      const ring = ringOf(id);
      if (!ring) return null;
      const { xM, yM, extentM } = ringBounds(ring);
      return { xM, yM, rangeM: extentM * AREA_MARGIN, pitchDeg: AREA_PITCH_DEG, headingDeg: HEADINGS_DEG[0]! };
    }
    case 'intersection': {
      const node = lookup.nodes.get(id);
      return node ? closeView(node.xM, node.yM, INTERSECTION_HEIGHT_M, ringOf(node.districtId)) : null;
    }
    case 'link': {
      const link = lookup.links.get(id);
      const middle = link ? linkMidpointM(id) : null;
      if (!link || !middle) return null;
      const heightM = Math.max(INTERSECTION_HEIGHT_M, link.lengthM * 0.8);
      return closeView(middle[0], middle[1], heightM, ringOf(link.districtId));
    }
    case 'device': {
      const device = lookup.devices.get(id);
      return device ? closeView(device.xM, device.yM, DEVICE_HEIGHT_M, ringOf(device.districtId)) : null;
    }
  }
}
