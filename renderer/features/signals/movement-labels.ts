/**
 * Movements in words an operator reads at a glance: the side of the
 * intersection the vehicles come from (a compass point) and their turn,
 * e.g. "N approach · left". Where the node's turn of a movement is not
 * known, the side it leaves by stands in for it ("N approach → S").
 * Approach sides come from the same bearings the plan rules use for conflicts.
 */
import type { CityMeta, Movement, Turn } from '@protocol';
import type { ApproachBearings } from '@protocol/signal-rules';

export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** The compass point nearest a bearing, degrees clockwise from north. */
export function compassPoint(bearingDeg: number): CompassPoint {
  const normalized = ((bearingDeg % 360) + 360) % 360;
  return COMPASS_POINTS[Math.round(normalized / 45) % COMPASS_POINTS.length]!;
}

/**
 * The side an in-link arrives from: opposite its direction of travel (a
 * northbound link enters from the south). Null for a link without a bearing.
 */
export function approachSide(bearings: ApproachBearings, inLinkId: string): CompassPoint | null {
  const travelDeg = bearings.get(inLinkId);
  return travelDeg === undefined ? null : compassPoint(travelDeg + 180);
}

/**
 * Direction of travel of each out-link of a node as it leaves, degrees
 * clockwise from north, keyed by link id: the side of the node it leaves by.
 */
export function exitBearingsDeg(meta: Pick<CityMeta, 'nodes' | 'links'>, nodeId: string): Map<string, number> {
  const at = meta.nodes.find((node) => node.id === nodeId);
  const bearings = new Map<string, number>();
  if (!at) return bearings;
  const position = new Map(meta.nodes.map((node) => [node.id, node]));
  for (const link of meta.links) {
    const to = link.fromNodeId === nodeId ? position.get(link.toNodeId) : undefined;
    if (to) bearings.set(link.id, (Math.atan2(to.xM - at.xM, to.yM - at.yM) * 180) / Math.PI);
  }
  return bearings;
}

/** A movement as its approach and turn (or exit side), for the plan table. */
export interface MovementLabel {
  movementId: string;
  approach: CompassPoint | null;
  /** Null where the node's movements are not known. */
  turn: Turn | null;
  /** The side it leaves by; null for a link without a bearing. */
  exit: CompassPoint | null;
}

/** What labelling needs to know of the node. */
export interface NodeSides {
  /** The node's movements by id; empty when not known. */
  movementsById: ReadonlyMap<string, Movement>;
  /** Travel bearing of each in-link, degrees. */
  bearings: ApproachBearings;
  /** Travel bearing of each out-link, degrees. */
  exitBearings: ReadonlyMap<string, number>;
}

const TURN_ORDER: readonly (Turn | null)[] = ['left', 'through', 'right', 'uturn', null];

/**
 * Labels for a phase's movements, sorted by approach (clockwise from north)
 * then turn, then exit, so a phase reads the same way every time.
 */
export function labelMovements(movementIds: readonly string[], node: NodeSides): MovementLabel[] {
  return movementIds
    .map((movementId) => {
      const movement = node.movementsById.get(movementId);
      const [inLinkId = '', outLinkId = ''] = movement ? [movement.inLinkId, movement.outLinkId] : movementId.split('>');
      const exitDeg = node.exitBearings.get(outLinkId);
      return {
        movementId,
        approach: approachSide(node.bearings, inLinkId),
        turn: movement?.turn ?? null,
        exit: exitDeg === undefined ? null : compassPoint(exitDeg),
      };
    })
    .sort(
      (a, b) =>
        compassRank(a.approach) - compassRank(b.approach) ||
        TURN_ORDER.indexOf(a.turn) - TURN_ORDER.indexOf(b.turn) ||
        compassRank(a.exit) - compassRank(b.exit),
    );
}

function compassRank(point: CompassPoint | null): number {
  return point === null ? COMPASS_POINTS.length : COMPASS_POINTS.indexOf(point);
}

/** A phase's movements from one approach. */
export interface ApproachGroup {
  approach: CompassPoint | null;
  movements: MovementLabel[];
}

/** Labels (sorted as `labelMovements` sorts them) folded by approach, for a compact "North: left, through" line. */
export function groupByApproach(labels: readonly MovementLabel[]): ApproachGroup[] {
  const groups: ApproachGroup[] = [];
  for (const label of labels) {
    const last = groups.at(-1);
    if (last && last.approach === label.approach) last.movements.push(label);
    else groups.push({ approach: label.approach, movements: [label] });
  }
  return groups;
}
