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
import * as v from 'valibot';
import { DRILL_LEVELS } from './drill-messages';
import { entityId, epochMs, requestId, text } from './fields';
import { rule } from './validation';


/** Range of the hold a push may ask for, seconds (as the layout's `pushHoldS`). */
export const WALL_HOLD_S = { min: 5, max: 86_400 } as const;

const entityTargetSchema = v.pipe(
  v.strictObject({
    level: v.picklist(DRILL_LEVELS),
    /** The entity's id; absent for the city level, required for every other. */
    id: v.optional(entityId),
  }),
  rule((target) =>
    target.level !== 'city' && target.id === undefined ? { path: ['id'], reason: `a ${target.level} target needs an id` } : undefined,
  ),
);
const alertTargetSchema = v.strictObject({ alertId: entityId });

/** An alert target is told apart by its `alertId`; anything else is read (and its errors named) as an entity target. */
export const wallTargetSchema = v.lazy((input) =>
  typeof input === 'object' && input !== null && 'alertId' in input ? alertTargetSchema : entityTargetSchema,
);

/** What the wall is asked to show: an entity of a drill level, or an alert (the wall finds where it is). */
export type WallTarget = v.InferOutput<typeof wallTargetSchema>;

// ---------------------------------------------------------------- client → bridge

const pushToWallSchema = v.strictObject({
  type: v.literal('push-to-wall'),
  id: requestId,
  target: wallTargetSchema,
  /** Seconds the wall holds the focus before returning to its scene. @default the layout's pushHoldS */
  holdS: v.optional(v.pipe(v.number(), v.minValue(WALL_HOLD_S.min), v.maxValue(WALL_HOLD_S.max))),
});
/** Operator command: every wall screen showing the twin flies to the target and highlights it. */
export type PushToWallMessage = v.InferOutput<typeof pushToWallSchema>;

const getCityTrendSchema = v.strictObject({ type: v.literal('get-city-trend'), id: requestId });
/** Any role: the city's hourly figures for today, yesterday and the same day a week earlier; the reply is `city-trend`. */
export type GetCityTrendMessage = v.InferOutput<typeof getCityTrendSchema>;

export const wallClientSchemas = {
  'push-to-wall': pushToWallSchema,
  'get-city-trend': getCityTrendSchema,
} as const;

export const WALL_COMMAND_TYPES = ['push-to-wall'] as const;
export const WALL_QUERY_TYPES = ['get-city-trend'] as const;

// ---------------------------------------------------------------- bridge → client

const wallFocusSchema = v.strictObject({
  type: v.literal('wall-focus'),
  target: wallTargetSchema,
  /** Bridge wall clock when the wall returns to its scene, ms since the epoch. */
  holdUntilMs: epochMs,
  /** The session that pushed, e.g. `console/0.1.0@1a2b3c4d`. */
  fromLabel: text(128),
  /** Bridge wall clock of the push, ms since the epoch. */
  atMs: epochMs,
});
/** To every client: the wall's focus, on each push and, while it holds, to a client that connects. */
export type WallFocusMessage = v.InferOutput<typeof wallFocusSchema>;

const hourFigures = v.strictObject({
  /** Start of the sim hour, ms since the epoch. */
  hourStartSimMs: epochMs,
  /** Mean travel time index over the samples of the hour (1 = free flow). */
  travelTimeIndex: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  avgSpeedKmh: v.pipe(v.number(), v.minValue(0), v.maxValue(300)),
  /** Samples the means are over; an hour still running has fewer. */
  samples: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type HourFigures = v.InferOutput<typeof hourFigures>;

const cityTrendSchema = v.strictObject({
  type: v.literal('city-trend'),
  requestId: v.optional(requestId),
  /** Start of today in the city's local time (sim clock), ms since the epoch. */
  daySimStartMs: epochMs,
  /** Hours of today recorded so far, oldest first. */
  today: v.pipe(v.array(hourFigures), v.maxLength(24)),
  /** Hours of yesterday on record, oldest first; empty when the bridge did not run then. */
  yesterday: v.pipe(v.array(hourFigures), v.maxLength(24)),
  /** Hours of the same day a week earlier on record, oldest first; empty or absent when the bridge did not run then. */
  weekAgo: v.optional(v.pipe(v.array(hourFigures), v.maxLength(25))),
});
export type CityTrendMessage = v.InferOutput<typeof cityTrendSchema>;

export const wallServerSchemas = {
  'wall-focus': wallFocusSchema,
  'city-trend': cityTrendSchema,
} as const;
