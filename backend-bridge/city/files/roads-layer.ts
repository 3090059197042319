/**
 * The road graph from two GeoJSON files.
 *
 * Intersections: Points with `id`, `signalized` (default false) and
 * optionally `nameZh` + `nameEn`.
 *
 * Roads: one LineString per directed link, drawn from its start to its end,
 * with `id`, `class` (expressway | arterial | collector | local, default
 * local), `lanes` (default 1), `speedKmh` (free speed, default by class),
 * optionally `capacityVehPerH` (default lanes × a lane's capacity by class),
 * `nameZh` + `nameEn` (default the id) and `from` + `to` (node ids). Without
 * `from`/`to` an end joins the intersection (or another road's loose end)
 * within the snap tolerance, or becomes a node of its own: a network entry.
 */
import {
  type LinkShapes,
  ROAD_CLASSES,
  type RoadClass,
  type RoadLink,
  type RoadNode,
} from '../../protocol';
import * as v from 'valibot';
import { polylineLengthM } from '../../../common/geo/planar-measures';
import type { CityFrame, OutsideBox } from './city-frame';
import type { GeoFeature, GeoJsonFile } from './geojson-file';
import { NodeSnapper } from './node-snapper';

/** Free speed and one lane's saturation capacity of each road class, when a road does not say. */
export const ROAD_CLASS_DEFAULTS: Record<RoadClass, { freeSpeedKmh: number; laneVehPerH: number }> = {
  expressway: { freeSpeedKmh: 80, laneVehPerH: 2000 },
  arterial: { freeSpeedKmh: 60, laneVehPerH: 1800 },
  collector: { freeSpeedKmh: 40, laneVehPerH: 1500 },
  local: { freeSpeedKmh: 30, laneVehPerH: 1200 },
};

export interface RoadGraph {
  nodes: RoadNode[];
  links: RoadLink[];
  linkShapes: LinkShapes;
}

export interface RoadLayers {
  intersections: GeoJsonFile;
  roads: GeoJsonFile;
  frame: CityFrame;
  outside: OutsideBox;
  /** Index of the district a local point lies in. */
  districtAt: (xM: number, yM: number) => number;
  districtIds: readonly string[];
  /** How far a road's end may lie from a node and still join it, metres. */
  snapToleranceM: number;
}

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const nodeRef = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export function readRoadGraph(layers: RoadLayers): RoadGraph {
  const { intersections, roads, frame, outside, districtAt, districtIds } = layers;
  const nodes: RoadNode[] = [];
  const nodeIndex = new Map<string, number>();
  const snapper = new NodeSnapper(layers.snapToleranceM);
  const addNode = (node: RoadNode) => {
    nodeIndex.set(node.id, nodes.length);
    nodes.push(node);
    snapper.add(node.id, node.xM, node.yM);
  };

  for (const feature of intersections.features) {
    const id = intersections.id(feature);
    if (nodeIndex.has(id)) throw intersections.error(feature, `duplicate id "${id}"`);
    const position = intersections.position(feature, intersections.geometry(feature, ['Point']).coordinates);
    if (!frame.contains(position)) outside.add(intersections.layer, id);
    const [xM, yM] = frame.toLocal(position);
    const zh = intersections.optionalProp(feature, 'nameZh', name);
    const en = intersections.optionalProp(feature, 'nameEn', name);
    if ((zh === undefined) !== (en === undefined)) throw intersections.error(feature, 'nameZh and nameEn go together: give both or neither');
    addNode({
      id,
      xM,
      yM,
      districtId: districtIds[districtAt(xM, yM)]!,
      signalized: intersections.optionalProp(feature, 'signalized', v.boolean()) ?? false,
      ...(zh !== undefined && en !== undefined && { name: { zh, en } }),
    });
  }

  const links: RoadLink[] = [];
  const linkIds = new Set<string>();
  const pointStart = [0];
  const shapeXyM: number[] = [];
  for (const feature of roads.features) {
    const id = roads.id(feature);
    if (linkIds.has(id)) throw roads.error(feature, `duplicate id "${id}"`);
    linkIds.add(id);
    const line = roads.line(feature, roads.geometry(feature, ['LineString']).coordinates);
    if (line.some((position) => !frame.contains(position))) outside.add(roads.layer, id);
    const shapeM = line.map((position) => frame.toLocal(position)).flat();
    const lengthM = polylineLengthM(shapeM);
    if (!(lengthM >= 1)) throw roads.error(feature, `is ${lengthM.toFixed(2)} m long; a link must be at least 1 m`);

    const [fromNodeId, toNodeId] = endNodes(roads, feature, shapeM, { nodeIndex, snapper, addNode, districtAt, districtIds });
    if (fromNodeId === toNodeId) throw roads.error(feature, `starts and ends at the same node "${fromNodeId}"`);
    const roadClass = roads.optionalProp(feature, 'class', v.picklist(ROAD_CLASSES)) ?? 'local';
    const lanes = roads.optionalProp(feature, 'lanes', v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))) ?? 1;
    const defaults = ROAD_CLASS_DEFAULTS[roadClass];
    const middle = Math.floor(shapeM.length / 4) * 2;
    links.push({
      id,
      name: { zh: roads.optionalProp(feature, 'nameZh', name) ?? id, en: roads.optionalProp(feature, 'nameEn', name) ?? id },
      fromNodeId,
      toNodeId,
      roadClass,
      lanes,
      lengthM: Math.min(lengthM, 100_000),
      freeSpeedKmh: roads.optionalProp(feature, 'speedKmh', v.pipe(v.number(), v.minValue(5), v.maxValue(140))) ?? defaults.freeSpeedKmh,
      capacityVehPerH:
        roads.optionalProp(feature, 'capacityVehPerH', v.pipe(v.number(), v.minValue(1), v.maxValue(20_000))) ?? lanes * defaults.laneVehPerH,
      districtId: districtIds[districtAt(shapeM[middle]!, shapeM[middle + 1]!)]!,
    });
    shapeXyM.push(...shapeM);
    pointStart.push(shapeXyM.length / 2);
  }
  if (links.length === 0) throw roads.fileError('holds no roads');
  return { nodes, links, linkShapes: { pointStart: Uint32Array.from(pointStart), xyM: Float32Array.from(shapeXyM) } };
}

interface NodeBook {
  nodeIndex: Map<string, number>;
  snapper: NodeSnapper;
  addNode: (node: RoadNode) => void;
  districtAt: (xM: number, yM: number) => number;
  districtIds: readonly string[];
}

/** The link's start and end node ids: as given, or snapped, or new nodes at loose ends. */
function endNodes(roads: GeoJsonFile, feature: GeoFeature, shapeM: number[], book: NodeBook): [string, string] {
  const from = roads.optionalProp(feature, 'from', nodeRef);
  const to = roads.optionalProp(feature, 'to', nodeRef);
  if ((from === undefined) !== (to === undefined)) throw roads.error(feature, 'from and to go together: give both node ids or neither');
  if (from !== undefined && to !== undefined) {
    for (const [key, ref] of [['from', from], ['to', to]] as const) {
      if (!book.nodeIndex.has(ref)) throw roads.error(feature, `properties.${key} names no intersection: "${ref}"`);
    }
    return [from, to];
  }
  const end = (xM: number, yM: number, suffix: string): string => {
    const snapped = book.snapper.nearest(xM, yM);
    if (snapped !== undefined) return snapped;
    const id = `${roads.id(feature)}:${suffix}`;
    book.addNode({ id, xM, yM, districtId: book.districtIds[book.districtAt(xM, yM)]!, signalized: false });
    return id;
  };
  const last = shapeM.length - 2;
  return [end(shapeM[0]!, shapeM[1]!, 'start'), end(shapeM[last]!, shapeM[last + 1]!, 'end')];
}
