/**
 * Today against the same hour yesterday, from the bridge's hourly city
 * figures (`city-trend`).
 */
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
