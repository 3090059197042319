/**
 * What kind of road each grid line is: its name, class, lanes, speed and
 * saturation flow, and how a ring expressway takes over the lines it runs on.
 */
import type { RoadClass } from '../../protocol';
import { Prng } from '../prng';
import {
  COLLECTOR_STEPS,
  type DemoLayout,
  GRID_HALF_LINES,
  RING_STEPS,
  type RingName,
  ringOnLine,
  spanWithinRing,
  stepsFromCentre,
  zoneAt,
} from './layout';
import { RING_NAMES, type RoadName, STREET_NAMES, isAvenue } from './road-names';

export interface RoadSpec {
  name: RoadName;
  roadClass: RoadClass;
  /** Lanes in each direction. */
  lanes: number;
  freeSpeedKmh: number;
  /** Saturation flow of one lane, vehicles per hour. */
  laneVehPerH: number;
}

export type Axis = 'column' | 'row';

export interface RoadPlan {
  /** Road along each north–south line, by position (edge positions have none). */
  columns: (RoadSpec | undefined)[];
  /** Road along each east–west line, by position (edge positions have none). */
  rows: (RoadSpec | undefined)[];
}

const RINGS: Record<RingName, RoadSpec> = {
  inner: { name: RING_NAMES.inner, roadClass: 'expressway', lanes: 3, freeSpeedKmh: 80, laneVehPerH: 2000 },
  outer: { name: RING_NAMES.outer, roadClass: 'expressway', lanes: 4, freeSpeedKmh: 80, laneVehPerH: 2000 },
};

/** Arterials slow to this inside the inner ring, where crossings and pedestrians are densest. */
const CENTRE_ARTERIAL_SPEED_KMH = 50;

export function planRoads(seed: number): RoadPlan {
  const rng = new Prng(seed, 'roads');
  const names = rng.shuffle([...STREET_NAMES]);
  const line = (position: number): RoadSpec | undefined => {
    if (position === 0 || position === 2 * GRID_HALF_LINES) return undefined;
    const name = names.pop();
    if (!name) throw new Error('not enough street names for the grid');
    if (stepsFromCentre(position) === COLLECTOR_STEPS) {
      return { name, roadClass: 'collector', lanes: rng.int(1, 2), freeSpeedKmh: 40, laneVehPerH: 1500 };
    }
    return {
      name,
      roadClass: 'arterial',
      lanes: isAvenue(name) ? 4 : rng.pick([2, 3, 3]),
      freeSpeedKmh: 60,
      laneVehPerH: rng.pick([1800, 1850, 1900]),
    };
  };
  const positions = Array.from({ length: 2 * GRID_HALF_LINES + 1 }, (_, position) => position);
  return { columns: positions.map(line), rows: positions.map(line) };
}

/**
 * The road between two neighbouring positions along a line: the ring
 * expressway where the line is a ring side within the ring's square, else
 * the line's own road, slowed inside the inner ring.
 */
export function segmentSpec(
  plan: RoadPlan,
  layout: DemoLayout,
  axis: Axis,
  line: number,
  fromPosition: number,
  toPosition: number,
): RoadSpec {
  const ring = ringOnLine(line);
  if (ring !== undefined && spanWithinRing(ring, fromPosition, toPosition)) return RINGS[ring];
  const spec = lineSpec(plan, axis, line);
  const midAlongM = midpoint(axis === 'column' ? layout.rowYM : layout.columnXM, fromPosition, toPosition);
  const acrossM = (axis === 'column' ? layout.columnXM : layout.rowYM)[line]!;
  const [xM, yM] = axis === 'column' ? [acrossM, midAlongM] : [midAlongM, acrossM];
  if (spec.roadClass === 'arterial' && zoneAt(layout, xM, yM) === 'centre') {
    return { ...spec, freeSpeedKmh: CENTRE_ARTERIAL_SPEED_KMH };
  }
  return spec;
}

/**
 * The name an intersection takes from the road along a line: the ring's
 * where the node sits on a ring side, the line's own otherwise.
 */
export function roadNameAt(plan: RoadPlan, axis: Axis, line: number, crossPosition: number): RoadName {
  const ring = ringOnLine(line);
  if (ring !== undefined && stepsFromCentre(crossPosition) <= RING_STEPS[ring]) return RINGS[ring].name;
  return lineSpec(plan, axis, line).name;
}

/** The line's own road, ignoring any ring that runs along it. */
export function lineSpec(plan: RoadPlan, axis: Axis, line: number): RoadSpec {
  const spec = (axis === 'column' ? plan.columns : plan.rows)[line];
  if (!spec) throw new Error(`no road along ${axis} ${line}`);
  return spec;
}

const midpoint = (lines: readonly number[], from: number, to: number) => (lines[from]! + lines[to]!) / 2;
