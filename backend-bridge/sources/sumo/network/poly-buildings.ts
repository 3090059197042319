/**
 * Buildings from a SUMO polygon file (`.poly.xml`, as polyconvert writes
 * from OSM): every `<poly>` whose type is `building` or `building.*`.
 * Height: a `height` or `building:height` param in metres, else
 * `building:levels` × FLOOR_HEIGHT_M, else DEFAULT_BUILDING_HEIGHT_M. Shapes
 * are network x/y, or lon,lat where the poly says `geo="1"`.
 */
import { readFileSync } from 'node:fs';
import type { Buildings } from '../../../protocol';
import { BuildingFootprints } from '../../../city/building-footprints';
import { FLOOR_HEIGHT_M } from '../../../city/files/buildings-layer';
import { ElementReader, SumoNetError, type XmlElement } from './net-file-error';
import type { NetPlacement } from './net-placement';
import { parseSumoXml } from './net-xml';

/** Height of a building the file gives no height for, metres. */
export const DEFAULT_BUILDING_HEIGHT_M = 10;
const MAX_HEIGHT_M = 1000;

export function readPolyBuildings(file: string, placement: NetPlacement, districtAt: (xM: number, yM: number) => number): Buildings {
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SumoNetError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const reader = new ElementReader(file);
  const root = parseSumoXml(xml, file, 'additional');
  const footprints = new BuildingFootprints(districtAt);
  for (const poly of reader.children(root, 'poly')) {
    const type = reader.optionalText(poly, 'type') ?? '';
    if (type !== 'building' && !type.startsWith('building.')) continue;
    const shape = reader.shape('poly', poly, 'shape', reader.text('poly', poly, 'shape'));
    const geo = poly.geo === '1' || poly.geo === 'true';
    const ring: number[] = [];
    for (let i = 0; i < shape.length; i += 2) {
      const [xM, yM] = geo ? placement.toLocalFromLonLat(shape[i]!, shape[i + 1]!) : placement.toLocalM(shape[i]!, shape[i + 1]!);
      ring.push(xM, yM);
    }
    // SUMO closes polygons by repeating the first point; footprints here are open rings.
    if (ring.length >= 4 && ring[0] === ring[ring.length - 2] && ring[1] === ring[ring.length - 1]) ring.length -= 2;
    if (ring.length < 6) throw reader.error('poly', poly, 'a building needs at least 3 distinct points');
    footprints.add(ring, heightOf(reader, poly));
  }
  return footprints.buildings();
}

function heightOf(reader: ElementReader, poly: XmlElement): number {
  const params = new Map(reader.children(poly, 'param').map((param) => [String(param.key), Number(param.value)]));
  const given = params.get('height') ?? params.get('building:height');
  const levels = params.get('building:levels');
  const heightM = given ?? (levels !== undefined ? levels * FLOOR_HEIGHT_M : DEFAULT_BUILDING_HEIGHT_M);
  if (!(heightM > 0 && heightM <= MAX_HEIGHT_M)) throw reader.error('poly', poly, `height must be above 0 and at most ${MAX_HEIGHT_M} m`);
  return heightM;
}
