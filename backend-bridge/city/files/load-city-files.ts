/**
 * A real city from files (issue 7): districts, intersections, roads and
 * buildings as GeoJSON in WGS84, projected onto the city's local metres and
 * built into the same CityModel the demo generator builds.
 *
 * Positions outside the configured city box: a district, intersection or
 * road there is an error listing every such feature's id (the road graph
 * and the district tiling must be whole); a building there is left out with
 * a warning listing them. Devices come from the live source (MQTT), not from
 * files, so a city from files starts with none.
 */
import { readFileSync } from 'node:fs';
import { CITY_FORMAT_VERSION, type CityMeta, DEFAULT_CITY_TIME_ZONE, checkCityMeta } from '../../protocol';
import type { CityModel } from '../city-model';
import { type CityBox, CityFrame, OutsideBox } from './city-frame';
import { readBuildings } from './buildings-layer';
import { districtFinder } from './district-finder';
import { readDistricts } from './districts-layer';
import { CityFileError, GeoJsonFile } from './geojson-file';
import { readRoadGraph } from './roads-layer';

/** Where the city's files are and how to place them; the `files` city of the config file. */
export interface CityFilesSpec {
  id: string;
  name: { zh: string; en: string };
  box: CityBox;
  /** @default the centre of `box` */
  origin?: { lonDeg: number; latDeg: number };
  /** IANA time zone of the city, e.g. `Europe/Berlin`. @default DEFAULT_CITY_TIME_ZONE (`Asia/Shanghai`) */
  timeZone?: string;
  buildings: string;
  roads: string;
  intersections: string;
  districts: string;
  /** A Cesium 3D Tiles tileset.json. */
  tileset?: string;
}

export interface CityFilesOptions {
  /** How far a road's end may lie from an intersection and still join it, metres. @default 15 */
  snapToleranceM?: number;
}

export interface LoadedCity {
  city: CityModel;
  /** What was left out or is worth a look (buildings outside the box), for the log. */
  warnings: string[];
  /** The tileset.json checked to be a 3D Tiles tileset, or null when none is configured. */
  tilesetFile: string | null;
}

export function loadCityFiles(spec: CityFilesSpec, options: CityFilesOptions = {}): LoadedCity {
  const frame = new CityFrame(spec.box, spec.origin);
  const outside = new OutsideBox();
  const fatalOutside = (layer: string) => {
    const report = outside.describe(layer);
    if (report) throw new CityFileError(`${report}; every district, intersection and road must lie inside the city box`);
  };

  const districtsFile = GeoJsonFile.read(spec.districts, 'districts');
  const districts = readDistricts(districtsFile, frame, outside);
  fatalOutside('districts');
  const districtAt = districtFinder(districts);
  const districtIds = districts.map((district) => district.id);

  const graph = readRoadGraph({
    intersections: GeoJsonFile.read(spec.intersections, 'intersections'),
    roads: GeoJsonFile.read(spec.roads, 'roads'),
    frame,
    outside,
    districtAt,
    districtIds,
    snapToleranceM: options.snapToleranceM ?? 15,
  });
  fatalOutside('intersections');
  fatalOutside('roads');

  const buildings = readBuildings(GeoJsonFile.read(spec.buildings, 'buildings'), frame, outside, districtAt);
  const warnings = [outside.describe('buildings')].flatMap((report) => (report ? [`${report}; they are left out`] : []));

  const xs: number[] = [];
  const ys: number[] = [];
  const take = (xy: ArrayLike<number>) => {
    for (let i = 0; i < xy.length; i += 2) {
      xs.push(xy[i]!);
      ys.push(xy[i + 1]!);
    }
  };
  for (const district of districts) take(district.ringM.flat());
  take(graph.linkShapes.xyM);
  take(buildings.xyM);
  const meta: CityMeta = {
    formatVersion: CITY_FORMAT_VERSION,
    id: spec.id,
    name: spec.name,
    version: '',
    origin: frame.origin,
    timeZone: spec.timeZone ?? DEFAULT_CITY_TIME_ZONE,
    bounds: { minXM: min(xs), minYM: min(ys), maxXM: max(xs), maxYM: max(ys) },
    districts,
    water: [],
    nodes: graph.nodes,
    links: graph.links,
    devices: [],
    buildingCount: buildings.heightM.length,
  };
  // The same checks a client runs on meta.json: whatever slipped past the layers fails here, at start.
  checkCityMeta({ ...meta, version: 'unversioned' }, `city "${spec.id}"`);
  return { city: { meta, buildings, linkShapes: graph.linkShapes }, warnings, tilesetFile: spec.tileset === undefined ? null : checkTileset(spec.tileset) };
}

// Loops rather than Math.min(...values): a city's vertices overflow the argument list.
function min(values: readonly number[]): number {
  let result = Infinity;
  for (const value of values) if (value < result) result = value;
  return result;
}

function max(values: readonly number[]): number {
  let result = -Infinity;
  for (const value of values) if (value > result) result = value;
  return result;
}

function checkTileset(file: string): string {
  let json: { asset?: { version?: unknown }; root?: unknown } | null;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as typeof json;
  } catch (error) {
    throw new CityFileError(`tileset ${file}: ${(error as Error).message}`);
  }
  if (typeof json?.asset?.version !== 'string' || typeof json.root !== 'object') {
    throw new CityFileError(`tileset ${file}: not a 3D Tiles tileset.json (needs asset.version and root)`);
  }
  return file;
}
