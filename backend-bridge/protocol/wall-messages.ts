/**
 * The video wall and the cockpit on the wire.
 *
 * Push-to-wall: an operator sends what the console shows (a district, an
 * intersection, a link, a device, or an alert) to every wall screen through
 * the bridge, so a console on another machine drives the wall too. The bridge
 * answers the command, then tells every client with `wall-focus`; a wall that
 * connects while the focus holds is told at once.
 *
 * City trend: the cockpit compares today's hourly city figures with the same
 * hours yesterday; the bridge keeps those hours in its database.
 */
import { type Checker, ValidationError, arrayOf, literal, num, object, oneOf, optional, str } from './check';
import { DRILL_LEVELS } from './drill-messages';

const requestId = str({ minLength: 1, maxLength: 64 });
const entityId = str({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_.:-]+$/ });
const epochMs = num({ min: 0 });

/** Range of the hold a push may ask for, seconds (as the layout's `pushHoldS`). */
export const WALL_HOLD_S = { min: 5, max: 86_400 } as const;

const entityTargetChecker = object({
  level: oneOf(DRILL_LEVELS),
  /** The entity's id; absent for the city level, required for every other. */
  id: optional(entityId),
});
const alertTargetChecker = object({ alertId: entityId });

/** What the wall is asked to show: an entity of a drill level, or an alert (the wall finds where it is). */
export type WallTarget = ReturnType<typeof entityTargetChecker> | ReturnType<typeof alertTargetChecker>;

export const wallTargetChecker: Checker<WallTarget> = (value, path) => {
  if (typeof value === 'object' && value !== null && 'alertId' in value) return alertTargetChecker(value, path);
  const target = entityTargetChecker(value, path);
  if (target.level !== 'city' && target.id === undefined) throw new ValidationError(`${path}.id`, `a ${target.level} target needs an id`);
  return target;
};

// ---------------------------------------------------------------- client → bridge

const pushToWallChecker = object({
  type: literal('push-to-wall'),
  id: requestId,
  target: wallTargetChecker,
  /** Seconds the wall holds the focus before returning to its scene. @default the layout's pushHoldS */
  holdS: optional(num({ min: WALL_HOLD_S.min, max: WALL_HOLD_S.max })),
});
/** Operator command: every wall screen showing the twin flies to the target and highlights it. */
export type PushToWallMessage = ReturnType<typeof pushToWallChecker>;

const getCityTrendChecker = object({ type: literal('get-city-trend'), id: requestId });
/** Any role: the city's hourly figures for today and yesterday; the reply is `city-trend`. */
export type GetCityTrendMessage = ReturnType<typeof getCityTrendChecker>;

export const wallClientCheckers = {
  'push-to-wall': pushToWallChecker,
  'get-city-trend': getCityTrendChecker,
} as const;

export const WALL_COMMAND_TYPES = ['push-to-wall'] as const;
export const WALL_QUERY_TYPES = ['get-city-trend'] as const;

// ---------------------------------------------------------------- bridge → client

const wallFocusChecker = object({
  type: literal('wall-focus'),
  target: wallTargetChecker,
  /** Bridge wall clock when the wall returns to its scene, ms since the epoch. */
  holdUntilMs: epochMs,
  /** The session that pushed, e.g. `console/0.1.0@1a2b3c4d`. */
  fromLabel: str({ maxLength: 128 }),
  /** Bridge wall clock of the push, ms since the epoch. */
  atMs: epochMs,
});
/** To every client: the wall's focus, on each push and, while it holds, to a client that connects. */
export type WallFocusMessage = ReturnType<typeof wallFocusChecker>;

const hourFigures = object({
  /** Start of the sim hour, ms since the epoch. */
  hourStartSimMs: epochMs,
  /** Mean travel time index over the samples of the hour (1 = free flow). */
  travelTimeIndex: num({ min: 0, max: 100 }),
  avgSpeedKmh: num({ min: 0, max: 300 }),
  /** Samples the means are over; an hour still running has fewer. */
  samples: num({ integer: true, min: 1 }),
});
export type HourFigures = ReturnType<typeof hourFigures>;

const cityTrendChecker = object({
  type: literal('city-trend'),
  requestId: optional(requestId),
  /** Start of today in the city's local time (sim clock), ms since the epoch. */
  daySimStartMs: epochMs,
  /** Hours of today recorded so far, oldest first. */
  today: arrayOf(hourFigures, { maxLength: 24 }),
  /** Hours of yesterday on record, oldest first; empty when the bridge did not run then. */
  yesterday: arrayOf(hourFigures, { maxLength: 24 }),
});
export type CityTrendMessage = ReturnType<typeof cityTrendChecker>;

export const wallServerCheckers = {
  'wall-focus': wallFocusChecker,
  'city-trend': cityTrendChecker,
} as const;
