/**
 * A SUMO network as the bridge's city: `readSumoNetwork` reads a `.net.xml`
 * once and builds the same CityModel the demo generator and the GeoJSON
 * city files build — nodes, links with their shapes, signalized nodes,
 * districts (a grid, or a GeoJSON file), buildings (a `.poly.xml`, or none),
 * no devices and no water — plus every traffic-light program as a signal
 * plan with SUMO's own steps, and the id maps TraCI needs.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CITY_FORMAT_VERSION, type Buildings, type CityMeta, DEFAULT_CITY_TIME_ZONE, type District, checkCityMeta } from '../../../protocol';
import type { CityModel } from '../../../city/city-model';
import { CityFrame, OutsideBox } from '../../../city/files/city-frame';
import { districtFinder } from '../../../city/files/district-finder';
import { readDistricts } from '../../../city/files/districts-layer';
import { GeoJsonFile } from '../../../city/files/geojson-file';
import type { GeoPoint } from '../../../../common/geo/local-frame';
import { timeZoneAt } from '../../../../common/time/zone-at';
import type { EntityIds } from './entity-ids';
import { type Bounds, gridDistricts } from './grid-districts';
import { SumoNetError } from './net-file-error';
import { type NetPlacement, placeNet } from './net-placement';
import { type NetFile, parseNetXml } from './net-xml';
import { type ProgramRuleReport, checkProgramRules, summarizeRuleReports } from './plan-rule-report';
import { readPolyBuildings } from './poly-buildings';
import { readRoadGraph } from './road-graph';
import { type SumoSignalProgram, readSignalPrograms } from './signal-programs';

export interface SumoNetworkSpec {
  /** The `.net.xml` file. */
  netFile: string;
  /** @default the file's name without `.net.xml` */
  id?: string;
  /** @default the id, in both languages */
  name?: { zh: string; en: string };
  /** Where a net without a projection (`projParameter="!"`) is placed. @default 0° E, 0° N */
  origin?: GeoPoint;
  /** IANA time zone of the city. @default the zone where the net lies (projected, or placed at `origin`), else DEFAULT_CITY_TIME_ZONE */
  timeZone?: string;
  /** A GeoJSON districts file (the city files' format); @default a grid over the net */
  districtsFile?: string;
  /** A SUMO `.poly.xml` with buildings; @default none */
  polyFile?: string;
  /** Side of a grid district, metres. @default 1000 */
  gridCellM?: number;
}

export interface SumoNetwork {
  city: CityModel;
  lefthand: boolean;
  programs: SumoSignalProgram[];
  /** The plan rules each program breaks; SUMO runs them anyway. */
  ruleReports: ProgramRuleReport[];
  /** City node id ↔ SUMO junction id, and city link id ↔ SUMO edge id. */
  nodeIds: EntityIds;
  linkIds: EntityIds;
  /** Left-out edges and programs, and a line per plan rule broken, for the log. */
  warnings: string[];
  /** The file as read, for what the city leaves out and a controller needs (footway lanes, connections). */
  net: NetFile;
}

const NO_BUILDINGS: Buildings = {
  ringStart: Uint32Array.of(0),
  xyM: new Float32Array(0),
  heightM: new Float32Array(0),
  district: new Uint16Array(0),
};

export function readSumoNetwork(spec: SumoNetworkSpec): SumoNetwork {
  const { netFile } = spec;
  let xml: string;
  try {
    xml = readFileSync(netFile, 'utf8');
  } catch (error) {
    throw new SumoNetError(`${netFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const net = parseNetXml(xml, netFile);
  const placement = placeNet(net.location, netFile, spec.origin ?? { lonDeg: 0, latDeg: 0 });
  const graph = readRoadGraph(net, placement);
  if (graph.links.length === 0) throw new SumoNetError(`${basename(netFile)}: has no edge a car may use`);

  const roadBounds = boundsOf([graph.linkShapes.xyM, graph.nodes.flatMap((node) => [node.xM, node.yM])]);
  const { districts, districtAt } = spec.districtsFile
    ? geoJsonDistricts(spec.districtsFile, roadBounds, placement)
    : gridDistricts(roadBounds, spec.gridCellM);
  const districtId = (xM: number, yM: number) => districts[districtAt(xM, yM)]!.id;
  for (const node of graph.nodes) node.districtId = districtId(node.xM, node.yM);
  graph.links.forEach((link, i) => {
    const middle = Math.floor((graph.linkShapes.pointStart[i]! + graph.linkShapes.pointStart[i + 1]!) / 2);
    link.districtId = districtId(graph.linkShapes.xyM[2 * middle]!, graph.linkShapes.xyM[2 * middle + 1]!);
  });
  const buildings = spec.polyFile ? readPolyBuildings(spec.polyFile, placement, districtAt) : NO_BUILDINGS;

  const id = spec.id ?? basename(netFile).replace(/\.net\.xml$/i, '').replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64);
  const meta: CityMeta = {
    formatVersion: CITY_FORMAT_VERSION,
    id,
    name: spec.name ?? { zh: id, en: id },
    version: '',
    origin: placement.origin,
    timeZone: spec.timeZone ?? cityTimeZone(net.location.projParameter !== null || spec.origin !== undefined, placement.origin),
    bounds: boundsOf([graph.linkShapes.xyM, buildings.xyM, districts.flatMap((d) => d.ringM.flat())]),
    districts,
    water: [],
    nodes: graph.nodes,
    links: graph.links,
    devices: [],
    buildingCount: buildings.heightM.length,
  };
  // The checks a client runs on meta.json: whatever slipped past the reader fails here, at start.
  checkCityMeta({ ...meta, version: 'unversioned' }, `city "${id}" from ${basename(netFile)}`);

  const signals = readSignalPrograms(net, graph.nodeIds, graph.linkIds);
  const ruleReports = checkProgramRules(signals.programs, meta);
  return {
    city: { meta, buildings, linkShapes: graph.linkShapes },
    lefthand: net.lefthand,
    programs: signals.programs,
    ruleReports,
    nodeIds: graph.nodeIds,
    linkIds: graph.linkIds,
    warnings: [...graph.warnings, ...signals.warnings, ...summarizeRuleReports(ruleReports).map((line) => `plan rules broken by SUMO programs: ${line}`)],
    net,
  };
}

/** Districts from a GeoJSON file, placed through the net's own frame; a district reaching beyond the net's surroundings is an error. */
function geoJsonDistricts(file: string, bounds: Bounds, placement: NetPlacement): { districts: District[]; districtAt: (xM: number, yM: number) => number } {
  const marginM = 5000;
  const [westDeg, southDeg] = placement.toLonLatDeg(bounds.minXM - marginM, bounds.minYM - marginM);
  const [eastDeg, northDeg] = placement.toLonLatDeg(bounds.maxXM + marginM, bounds.maxYM + marginM);
  const frame = new CityFrame({ westDeg, southDeg, eastDeg, northDeg }, placement.origin);
  const outside = new OutsideBox();
  const districts = readDistricts(GeoJsonFile.read(file, 'districts'), frame, outside);
  const report = outside.describe('districts');
  if (report) throw new SumoNetError(`${file}: ${report} (the net and ${marginM / 1000} km around it)`);
  return { districts, districtAt: districtFinder(districts) };
}

// Loops rather than Math.min(...values): a city's vertices overflow the argument list.
function boundsOf(arrays: readonly ArrayLike<number>[]): Bounds {
  const bounds = { minXM: Infinity, minYM: Infinity, maxXM: -Infinity, maxYM: -Infinity };
  for (const xy of arrays) {
    for (let i = 0; i + 1 < xy.length; i += 2) {
      const x = xy[i]!;
      const y = xy[i + 1]!;
      if (x < bounds.minXM) bounds.minXM = x;
      if (x > bounds.maxXM) bounds.maxXM = x;
      if (y < bounds.minYM) bounds.minYM = y;
      if (y > bounds.maxYM) bounds.maxYM = y;
    }
  }
  return bounds;
}

/** A net that says where it lies keeps that place's clock; one that does not, the default city's. */
function cityTimeZone(placed: boolean, origin: GeoPoint): string {
  return placed ? timeZoneAt(origin) : DEFAULT_CITY_TIME_ZONE;
}
