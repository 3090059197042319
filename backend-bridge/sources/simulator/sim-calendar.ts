/**
 * Sim time is milliseconds since the Unix epoch, like wall time; the demo
 * city keeps the local time of China (Asia/Shanghai, UTC+8, no daylight
 * saving), which is what its daily demand follows.
 */

/** Offset of the city's local time from UTC, hours. */
export const CITY_UTC_OFFSET_H = 8;

const HOUR_MS = 3_600_000;

/**
 * Where a demo day starts unless told otherwise: Monday 3 June 2024, 07:00
 * local time. A fixed instant keeps runs reproducible.
 */
export const DEFAULT_START_SIM_TIME_MS = Date.UTC(2024, 5, 3, 7 - CITY_UTC_OFFSET_H);

/** Local hour of the day in [0, 24), fractional, at a sim instant. */
export function localHourAt(simTimeMs: number): number {
  const hour = (simTimeMs / HOUR_MS + CITY_UTC_OFFSET_H) % 24;
  return hour < 0 ? hour + 24 : hour;
}
