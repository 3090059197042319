/**
 * The road graph of a SUMO net: each junction a node, each edge that cars
 * may use a directed link. A link's lanes are the edge's car lanes (a
 * sidewalk or tram lane is no lane of the traffic model), its free speed
 * the fastest of them, its shape the centre of its carriageway — the mean
 * of its outermost car lanes' shapes — as the demo city draws each
 * direction on its own side. (An edge's own `shape` attribute is the road's
 * reference line, not the carriageway, so it is not used.) Left-hand nets
 * need nothing special here: the lane shapes already lie where they are.
 */
import type { LinkShapes, RoadLink, RoadNode } from '../../../protocol';
import { polylineLengthM } from '../../../../common/geo/planar-measures';
import { EntityIds } from './entity-ids';
import type { NetPlacement } from './net-placement';
import { ElementReader } from './net-file-error';
import type { NetFile, NetLane } from './net-xml';
import { capacityVehPerH, roadClassOf } from './road-class';

/** The city model's limits a SUMO edge is clamped to (its schema's ranges). */
const LINK_LIMITS = { minLengthM: 1, maxLengthM: 100_000, minSpeedKmh: 5, maxSpeedKmh: 140, maxLanes: 12 } as const;

export interface SumoRoadGraph {
  /** `districtId` is '' until the districts are known. */
  nodes: RoadNode[];
  links: RoadLink[];
  linkShapes: LinkShapes;
  nodeIds: EntityIds;
  linkIds: EntityIds;
  warnings: string[];
}

export function readRoadGraph(net: NetFile, placement: NetPlacement): SumoRoadGraph {
  const nodeIds = new EntityIds();
  const linkIds = new EntityIds();
  const warnings: string[] = [];
  const signalized = new Set(net.junctions.filter((j) => j.type.startsWith('traffic_light')).map((j) => j.id));
  const nodes = net.junctions.map((junction): RoadNode => {
    const [xM, yM] = placement.toLocalM(junction.x, junction.y);
    return { id: nodeIds.idFor(junction.id), xM, yM, districtId: '', signalized: signalized.has(junction.id) };
  });
  const known = new Set(net.junctions.map((j) => j.id));

  const links: RoadLink[] = [];
  const pointStart = [0];
  const xyM: number[] = [];
  const noCars: string[] = [];
  for (const edge of net.edges) {
    if (edge.lanes.length === 0) {
      warnings.push(`${edge.id}: edge has no lanes; it is left out`);
      continue;
    }
    const carLanes = edge.lanes.filter((lane) => lane.carsAllowed).sort((a, b) => a.index - b.index);
    if (carLanes.length === 0) {
      noCars.push(edge.id);
      continue;
    }
    for (const end of [edge.from, edge.to]) {
      if (!known.has(end)) throw new ElementReader(net.file).error('edge', { id: edge.id }, `names no junction "${end}"`);
    }
    const shapeM = carriagewayM(carLanes, placement);
    const freeSpeedKmh = clamp(Math.max(...carLanes.map((lane) => lane.speedMps)) * 3.6, LINK_LIMITS.minSpeedKmh, LINK_LIMITS.maxSpeedKmh);
    const lanes = Math.min(carLanes.length, LINK_LIMITS.maxLanes);
    const roadClass = roadClassOf(freeSpeedKmh);
    const name = edge.name ?? edge.id;
    links.push({
      id: linkIds.idFor(edge.id),
      name: { zh: name.slice(0, 128), en: name.slice(0, 128) },
      fromNodeId: nodeIds.idFor(edge.from),
      toNodeId: nodeIds.idFor(edge.to),
      roadClass,
      lanes,
      lengthM: clamp(laneLengthM(carLanes, shapeM), LINK_LIMITS.minLengthM, LINK_LIMITS.maxLengthM),
      freeSpeedKmh: round1(freeSpeedKmh),
      capacityVehPerH: capacityVehPerH(roadClass, lanes),
      districtId: '',
    });
    for (let i = 0; i < shapeM.length; i++) xyM.push(shapeM[i]!);
    pointStart.push(xyM.length / 2);
  }
  if (noCars.length > 0) {
    const shown = noCars.slice(0, 10).join(', ');
    warnings.push(`${noCars.length} edge(s) no car may use (footways, rails) are left out: ${shown}${noCars.length > 10 ? ', …' : ''}`);
  }
  // A junction only footways or rails reach is no node of the road graph.
  const linked = new Set(links.flatMap((link) => [link.fromNodeId, link.toNodeId]));
  return { nodes: nodes.filter((node) => linked.has(node.id)), links, linkShapes: { pointStart: Uint32Array.from(pointStart), xyM: Float32Array.from(xyM) }, nodeIds, linkIds, warnings };
}

/** Local shape of the middle of the car lanes: the mean of the outermost two where they have as many points, else the middle lane's. */
function carriagewayM(lanes: readonly NetLane[], placement: NetPlacement): number[] {
  const first = lanes[0]!.shape;
  const last = lanes[lanes.length - 1]!.shape;
  const network = first.length === last.length ? first.map((value, i) => (value + last[i]!) / 2) : lanes[Math.floor(lanes.length / 2)]!.shape;
  const local: number[] = [];
  for (let i = 0; i < network.length; i += 2) local.push(...placement.toLocalM(network[i]!, network[i + 1]!));
  return local;
}

/** SUMO's own lane length (it may differ from the drawn shape's), or the shape's where SUMO gives 0. */
function laneLengthM(lanes: readonly NetLane[], shapeM: readonly number[]): number {
  const sumoM = Math.max(...lanes.map((lane) => lane.lengthM));
  return sumoM > 0 ? sumoM : polylineLengthM(shapeM);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

