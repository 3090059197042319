/**
 * The cockpit's static settings: the targets each headline figure is read
 * against and how long TV mode shows a page. Set in the bridge config's
 * `cockpit` section, served as GET /api/cockpit-settings and checked again
 * by the client with the same schema.
 */
import * as v from 'valibot';
import { parseAt } from './validation';

export const COCKPIT_SETTINGS_PATH = '/api/cockpit-settings';

/** Least and most seconds a TV-mode page is shown; under 5 s nobody can read it from across a room. */
export const TV_PAGE_S = { min: 5, max: 600 } as const;

const targetsSchema = v.strictObject({
  /** The citywide travel time index should stay at or below this (1 = free flow). @default 1.5 */
  ttiMax: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(10)), 1.5),
  /** Mean time to resolve today's alerts should stay at or below this, wall minutes. @default 30 */
  meanTimeToResolveMaxMin: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(24 * 60)), 30),
  /** The citywide average speed should stay at or above this, km/h. @default 25 */
  avgSpeedMinKmh: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(200)), 25),
  /** Open Severe plus Extreme alerts should stay at or below this. @default 3 */
  severeOpenAlertsMax: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)), 3),
});

export const cockpitSettingsSchema = v.strictObject({
  targets: v.optional(targetsSchema, {}),
  /** Seconds TV mode (`#/cockpit?tv=1`) shows each page; the URL's `interval` overrides it. @default 20 */
  tvPageS: v.optional(v.pipe(v.number(), v.integer(), v.minValue(TV_PAGE_S.min), v.maxValue(TV_PAGE_S.max)), 20),
});

/** The settings with every default filled in (so the result is itself a valid `cockpit` section). */
export type CockpitSettings = v.InferOutput<typeof cockpitSettingsSchema>;
export type CockpitTargets = CockpitSettings['targets'];

/** Checks a `cockpit` section or a served settings body; throws a ValidationError naming the field. */
export const checkCockpitSettings = (value: unknown, path = 'cockpit'): CockpitSettings => parseAt(cockpitSettingsSchema, value, path);

export const DEFAULT_COCKPIT_SETTINGS: CockpitSettings = checkCockpitSettings({});
