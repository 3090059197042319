/**
 * Districts from GeoJSON: one Polygon per district, with properties `id`,
 * `nameZh`, `nameEn` and optionally `populationThousands`.
 */
import * as v from 'valibot';
import type { District } from '../../protocol';
import { vertexMean } from '../../../common/geo/planar-measures';
import type { CityFrame, OutsideBox } from './city-frame';
import type { GeoJsonFile } from './geojson-file';

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(128));

export function readDistricts(file: GeoJsonFile, frame: CityFrame, outside: OutsideBox): District[] {
  const ids = new Set<string>();
  const districts = file.features.map((feature): District => {
    const id = file.id(feature);
    if (ids.has(id)) throw file.error(feature, `duplicate id "${id}"`);
    ids.add(id);
    const ring = file.outerRing(feature, file.geometry(feature, ['Polygon']).coordinates);
    if (ring.some((position) => !frame.contains(position))) outside.add(file.layer, id);
    const ringM = ring.map((position) => frame.toLocal(position));
    const population = file.optionalProp(feature, 'populationThousands', v.pipe(v.number(), v.minValue(0)));
    return {
      id,
      name: { zh: file.prop(feature, 'nameZh', name), en: file.prop(feature, 'nameEn', name) },
      ringM,
      labelM: vertexMean(ringM.flat()),
      ...(population !== undefined && { populationThousands: population }),
    };
  });
  if (districts.length === 0) throw file.fileError('holds no districts; a city needs at least one');
  return districts;
}
