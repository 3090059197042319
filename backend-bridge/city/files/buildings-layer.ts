/**
 * Buildings from GeoJSON: a Polygon or MultiPolygon footprint (each polygon
 * of a MultiPolygon becomes one building, holes ignored) with `height` in
 * metres or `floors`, and optionally an `id` that errors name it by.
 *
 * Buildings reaching outside the city box are left out and reported: data
 * cut to a box along a building's middle is common, and a missing edge
 * building harms nobody. Footprints are stored counter-clockwise, as the
 * demo city's are.
 */
import * as v from 'valibot';
import type { Buildings } from '../../protocol';
import { BuildingFootprints } from '../building-footprints';
import type { CityFrame, OutsideBox } from './city-frame';
import type { GeoFeature, GeoJsonFile, Position } from './geojson-file';

/** Height of a storey, for buildings given in floors, metres. */
export const FLOOR_HEIGHT_M = 3;

export function readBuildings(
  file: GeoJsonFile,
  frame: CityFrame,
  outside: OutsideBox,
  districtAt: (xM: number, yM: number) => number,
): Buildings {
  const footprints = new BuildingFootprints(districtAt);
  for (const feature of file.features) {
    const name = feature.properties.id === undefined ? `#${feature.index}` : file.id(feature);
    const height = heightOf(file, feature);
    const geometry = file.geometry(feature, ['Polygon', 'MultiPolygon']);
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry.coordinates as unknown[]);
    if (!Array.isArray(polygons) || polygons.length === 0) throw file.error(feature, 'a MultiPolygon needs at least one polygon');
    const rings: Position[][] = polygons.map((polygon) => file.outerRing(feature, polygon));
    if (rings.some((ring) => ring.some((position) => !frame.contains(position)))) {
      outside.add(file.layer, name);
      continue;
    }
    for (const ring of rings) footprints.add(ring.flatMap((position) => frame.toLocal(position)), height);
  }
  return footprints.buildings();
}

function heightOf(file: GeoJsonFile, feature: GeoFeature): number {
  const heightM = file.optionalProp(feature, 'height', v.pipe(v.number(), v.minValue(0.5), v.maxValue(1000)));
  if (heightM !== undefined) return heightM;
  const floors = file.optionalProp(feature, 'floors', v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(300)));
  if (floors !== undefined) return floors * FLOOR_HEIGHT_M;
  throw file.error(feature, 'needs properties.height (metres) or properties.floors');
}
