/**
 * A SUMO edge's road class and saturation capacity from its speed limit and
 * lanes. SUMO nets carry no capacity, and their `type`s differ between
 * importers (`highway.primary` from OSM, none from netgenerate), so the
 * speed limit decides the class, and each class's per-lane saturation flow
 * is the one the GeoJSON city files default to (HCM-style figures: 2000
 * veh/h/lane on expressways, 1800 on arterials, 1500 on collectors, 1200 on
 * local streets).
 */
import type { RoadClass } from '../../../protocol';
import { ROAD_CLASS_DEFAULTS } from '../../../city/files/roads-layer';

/** The lowest speed limit of each class, km/h, fastest first. */
const CLASS_MIN_SPEED_KMH: readonly [RoadClass, number][] = [
  ['expressway', 80],
  ['arterial', 50],
  ['collector', 40],
  ['local', 0],
];

export function roadClassOf(freeSpeedKmh: number): RoadClass {
  return CLASS_MIN_SPEED_KMH.find(([, minKmh]) => freeSpeedKmh >= minKmh)![0];
}

/** Saturation capacity of `lanes` lanes of `roadClass`, vehicles per hour. */
export function capacityVehPerH(roadClass: RoadClass, lanes: number): number {
  return lanes * ROAD_CLASS_DEFAULTS[roadClass].laneVehPerH;
}
