/**
 * Today against the same hour yesterday, from the bridge's hourly city
 * figures (`city-trend`).
 */
import { zonedHourOfDay } from '@common/time/zoned-time';
import type { CityTrendMessage, HourFigures } from '@protocol';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface HourComparison {
  /** The latest hour of today on record. */
  today: HourFigures;
  /** The same hour yesterday; null when the bridge has no record of it (it did not run then). */
  yesterday: HourFigures | null;
  /** Change of the travel time index, percent; null without yesterday's hour. */
  ttiChangePct: number | null;
}

/** The comparison for the latest hour of today, or null before today's first hour is recorded. */
export function compareLatestHour(trend: Pick<CityTrendMessage, 'today' | 'yesterday'>): HourComparison | null {
  const today = trend.today.at(-1);
  if (!today) return null;
  const yesterday = trend.yesterday.find((hour) => hour.hourStartSimMs === today.hourStartSimMs - DAY_MS) ?? null;
  const ttiChangePct = yesterday ? ((today.travelTimeIndex - yesterday.travelTimeIndex) / yesterday.travelTimeIndex) * 100 : null;
  return { today, yesterday, ttiChangePct };
}

/** Local hour of day (0–23) of an hour's start, counted from the trend's day start. */
export function hourOfDay(hourStartSimMs: number, daySimStartMs: number): number {
  return (((Math.round((hourStartSimMs - daySimStartMs) / HOUR_MS) % 24) + 24) % 24);
}

/**
 * The hour a week before `hourStartSimMs` in `weekAgo` (the same day a week
 * earlier), matched by the city's clock reading so a daylight-saving change
 * in between still pairs 08:00 with 08:00; null when the bridge has no
 * figure for it ("no figure a week ago yet").
 */
export function weekEarlierHour(weekAgo: readonly HourFigures[] | undefined, hourStartSimMs: number, timeZone: string): HourFigures | null {
  if (!weekAgo || weekAgo.length === 0) return null;
  const hour = Math.floor(zonedHourOfDay(hourStartSimMs, timeZone));
  return weekAgo.find((candidate) => Math.floor(zonedHourOfDay(candidate.hourStartSimMs, timeZone)) === hour) ?? null;
}
