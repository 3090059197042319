/**
 * The demo city's directed road graph: a node at every dry grid crossing and
 * where each road leaves the city, two links (one per direction) for every
 * road segment between neighbouring nodes, and each link's shape.
 *
 * Roads stop short of the river, except the north–south roads picked as
 * bridges, which span it from the last node on one bank to the first on the
 * other.
 */
import type { LinkShapes, RoadLink, RoadNode } from '../../protocol';
import { type DemoLayout, GRID_HALF_LINES } from './layout';
import { gridKey, nodeName } from './node-names';
import { LANE_WIDTH_M } from '../../../common/geo/road-dimensions';
import { type Axis, type RoadPlan, lineSpec, segmentSpec } from './road-plan';

/** Nodes and roads keep this far from the water, in metres (bridges excepted). */
const ROAD_WATER_MARGIN_M = 40;
const LAST = 2 * GRID_HALF_LINES;

/** Id of the district containing a point; `what` names the point in errors. */
export type DistrictIdAt = (xM: number, yM: number, what: string) => string;

export interface RoadNetwork {
  nodes: RoadNode[];
  links: RoadLink[];
  linkShapes: LinkShapes;
}

/** A road segment between two neighbouring nodes along one grid line. */
interface Segment {
  axis: Axis;
  line: number;
  /** Positions along the line of the two ends, ascending. */
  from: number;
  to: number;
  isBridge: boolean;
}

export function buildRoadNetwork(layout: DemoLayout, plan: RoadPlan, districtIdAt: DistrictIdAt): RoadNetwork {
  const segments = findSegments(layout);
  const degree = new Map<string, number>();
  for (const segment of segments) {
    for (const end of segmentEnds(segment)) {
      const key = gridKey(...end);
      degree.set(key, (degree.get(key) ?? 0) + 1);
    }
  }

  const nodes: RoadNode[] = [];
  for (let column = 0; column <= LAST; column++) {
    for (let row = 0; row <= LAST; row++) {
      const key = gridKey(column, row);
      const segmentCount = degree.get(key);
      if (segmentCount === undefined) continue; // no crossing here, or the water took it
      const xM = layout.columnXM[column]!;
      const yM = layout.rowYM[row]!;
      nodes.push({
        id: `n:${key}`,
        name: nodeName(plan, column, row),
        xM,
        yM,
        districtId: districtIdAt(xM, yM, `node ${key}`),
        signalized: isSignalized(plan, column, row, segmentCount),
      });
    }
  }

  const links: RoadLink[] = [];
  const pointStart = new Uint32Array(segments.length * 2 + 1);
  const xyM = new Float32Array(segments.length * 2 * 4);
  for (const segment of segments) {
    const spec = segmentSpec(plan, layout, segment.axis, segment.line, segment.from, segment.to);
    const [a, b] = segmentEnds(segment);
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const index = links.length;
      const [fromKey, toKey] = [gridKey(...from), gridKey(...to)];
      const [x0, y0] = gridXY(layout, ...from);
      const [x1, y1] = gridXY(layout, ...to);
      const lengthM = Math.hypot(x1 - x0, y1 - y0);
      // Each direction is drawn on its own (right-hand) carriageway, half its width off the centreline.
      const offsetM = (spec.lanes * LANE_WIDTH_M) / 2;
      const rightX = ((y1 - y0) / lengthM) * offsetM;
      const rightY = (-(x1 - x0) / lengthM) * offsetM;
      xyM.set([x0 + rightX, y0 + rightY, x1 + rightX, y1 + rightY], index * 4);
      pointStart[index + 1] = (index + 1) * 2;
      links.push({
        id: `l:${fromKey}:${toKey}`,
        name: segment.isBridge ? spec.name.bridge : spec.name.full,
        fromNodeId: `n:${fromKey}`,
        toNodeId: `n:${toKey}`,
        roadClass: spec.roadClass,
        lanes: spec.lanes,
        lengthM: Math.round(lengthM * 10) / 10,
        freeSpeedKmh: spec.freeSpeedKmh,
        capacityVehPerH: spec.lanes * spec.laneVehPerH,
        districtId: districtIdAt((x0 + x1) / 2, (y0 + y1) / 2, `link ${fromKey}:${toKey}`),
      });
    }
  }
  return { nodes, links, linkShapes: { pointStart, xyM } };
}

/**
 * Joins neighbouring crossings along every line. A segment that would touch
 * the water is dropped, unless it belongs to a bridge column.
 */
function findSegments(layout: DemoLayout): Segment[] {
  const { river } = layout;
  const dry = (column: number, row: number) =>
    !river.isWet(layout.columnXM[column]!, layout.rowYM[row]!, ROAD_WATER_MARGIN_M);
  const isCrossing = (column: number, row: number) => {
    const edges = Number(column === 0 || column === LAST) + Number(row === 0 || row === LAST);
    return edges === 0 || edges === 1; // corners of the grid are not on any road
  };
  const segments: Segment[] = [];
  for (const axis of ['row', 'column'] as const) {
    for (let line = 1; line < LAST; line++) {
      const at = (position: number): [number, number] => (axis === 'row' ? [position, line] : [line, position]);
      const stops = Array.from({ length: LAST + 1 }, (_, p) => p).filter((p) => isCrossing(...at(p)) && dry(...at(p)));
      for (let i = 1; i < stops.length; i++) {
        const from = stops[i - 1]!;
        const to = stops[i]!;
        const [x0, y0] = gridXY(layout, ...at(from));
        const [x1, y1] = gridXY(layout, ...at(to));
        const wet = river.segmentIsWet(x0, y0, x1, y1, ROAD_WATER_MARGIN_M);
        const isBridge = wet && axis === 'column' && layout.bridgeColumns.has(line);
        if (!wet || isBridge) segments.push({ axis, line, from, to, isBridge });
      }
    }
  }
  return segments;
}

/**
 * Crossings of two arterial-or-bigger roads get signals, where at least
 * three road segments meet; edge nodes (entry and exit points), bends left
 * by the river and crossings with a collector do not.
 */
function isSignalized(plan: RoadPlan, column: number, row: number, segmentCount: number): boolean {
  if (column === 0 || column === LAST || row === 0 || row === LAST) return false;
  const major = (axis: Axis, line: number) => lineSpec(plan, axis, line).roadClass !== 'collector';
  return segmentCount >= 3 && major('column', column) && major('row', row);
}

type GridPoint = readonly [column: number, row: number];

function segmentEnds(segment: Segment): [GridPoint, GridPoint] {
  const { axis, line, from, to } = segment;
  return axis === 'row' ? [[from, line], [to, line]] : [[line, from], [line, to]];
}

const gridXY = (layout: DemoLayout, column: number, row: number): [number, number] => [
  layout.columnXM[column]!,
  layout.rowYM[row]!,
];
