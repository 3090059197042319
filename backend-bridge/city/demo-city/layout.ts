/**
 * The skeleton of the demo city: where the grid lines run, where the two
 * square ring expressways sit on them, where the river flows and which
 * north–south roads bridge it. Everything else is built on this plan.
 *
 * Grid lines are addressed by position 0 … 2·GRID_HALF_LINES from west to
 * east (columns) and south to north (rows). Positions 0 and 2·GRID_HALF_LINES
 * are the city edge, where roads leave the modelled area; the lines between
 * are roads.
 */
import { Prng } from '../prng';
import { River } from './river';

/** Road lines on each side of the central one; the edge is one step further out. */
export const GRID_HALF_LINES = 12;
/** Position of the central grid line. */
export const CENTRE_LINE = GRID_HALF_LINES;
/** Mean distance between neighbouring grid lines, in metres. */
const MEAN_SPACING_M = 560;
/** Greatest shift of a road line from the regular grid, in metres; makes blocks 490–630 m. */
const LINE_JITTER_M = 35;
/** Distance of the edge lines from the origin, in metres. */
export const EDGE_M = GRID_HALF_LINES * MEAN_SPACING_M;

/** Grid steps from the centre to each ring's sides: the inner ring spans ±4 lines, the outer ±8. */
export const RING_STEPS = { inner: 4, outer: 8 } as const;
export type RingName = keyof typeof RING_STEPS;

/** Lines this many steps from the centre are collectors (suburban streets between arterials). */
export const COLLECTOR_STEPS = 10;

/** Clearance kept between the water and the inner ring's east–west sides, in metres. */
const RING_RIVER_CLEARANCE_M = 250;

export interface DemoLayout {
  /** Easting of each north–south line by position, in metres; first and last are the city edge. */
  columnXM: number[];
  /** Northing of each east–west line by position, in metres; first and last are the city edge. */
  rowYM: number[];
  river: River;
  /** Column positions whose road crosses the river on a bridge. */
  bridgeColumns: ReadonlySet<number>;
}

export function planLayout(seed: number): DemoLayout {
  const rng = new Prng(seed, 'layout');
  const columnXM = gridLines(rng);
  const rowYM = gridLines(rng);
  const innerRingReachM = Math.min(-rowYM[CENTRE_LINE - RING_STEPS.inner]!, rowYM[CENTRE_LINE + RING_STEPS.inner]!);
  const river = River.random(new Prng(seed, 'river'), innerRingReachM - RING_RIVER_CLEARANCE_M);
  return { columnXM, rowYM, river, bridgeColumns: pickBridgeColumns(rng) };
}

/** Steps from the centre of a line position (0 for the central line). */
export const stepsFromCentre = (position: number) => Math.abs(position - CENTRE_LINE);

/** The ring whose side runs along this line, if any. */
export function ringOnLine(position: number): RingName | undefined {
  const steps = stepsFromCentre(position);
  return steps === RING_STEPS.inner ? 'inner' : steps === RING_STEPS.outer ? 'outer' : undefined;
}

/** Whether the span between two positions along a line lies within the ring's square. */
export function spanWithinRing(ring: RingName, fromPosition: number, toPosition: number): boolean {
  const steps = RING_STEPS[ring];
  return stepsFromCentre(fromPosition) <= steps && stepsFromCentre(toPosition) <= steps;
}

export type Zone = 'centre' | 'middle' | 'periphery';

/** Inside the inner ring, between the rings, or outside the outer ring. */
export function zoneAt(layout: DemoLayout, xM: number, yM: number): Zone {
  const within = (steps: number) =>
    xM > layout.columnXM[CENTRE_LINE - steps]! &&
    xM < layout.columnXM[CENTRE_LINE + steps]! &&
    yM > layout.rowYM[CENTRE_LINE - steps]! &&
    yM < layout.rowYM[CENTRE_LINE + steps]!;
  if (within(RING_STEPS.inner)) return 'centre';
  return within(RING_STEPS.outer) ? 'middle' : 'periphery';
}

function gridLines(rng: Prng): number[] {
  const lines: number[] = [];
  for (let position = 0; position <= 2 * GRID_HALF_LINES; position++) {
    const regularM = (position - CENTRE_LINE) * MEAN_SPACING_M;
    const isEdge = position === 0 || position === 2 * GRID_HALF_LINES;
    lines.push(isEdge ? regularM : Math.round(regularM + rng.float(-LINE_JITTER_M, LINE_JITTER_M)));
  }
  return lines;
}

/**
 * Every second or third north–south road gets a bridge, counting from the
 * west; ring roads always do, so both rings stay closed.
 */
function pickBridgeColumns(rng: Prng): Set<number> {
  const bridges = new Set<number>();
  let roadsSinceBridge = rng.int(0, 2);
  let gap = rng.int(2, 3);
  for (let position = 1; position < 2 * GRID_HALF_LINES; position++) {
    roadsSinceBridge++;
    if (ringOnLine(position) !== undefined || roadsSinceBridge >= gap) {
      bridges.add(position);
      roadsSinceBridge = 0;
      gap = rng.int(2, 3);
    }
  }
  return bridges;
}
