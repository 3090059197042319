/**
 * The one definition of "today" for every figure the cockpit (and the wall)
 * shows as today's: the calendar day of the city's clock in the city's time
 * zone. The city's clock is sim time for a simulated city and wall time for
 * a live one (there the two are the same), so "resolved today" and the
 * "today" chart can no longer disagree on a demo running at 60×.
 *
 * Alert times are wall times (they measure people's work); an alert's
 * resolution is placed on the city's clock from the alert's own pairing of
 * clocks: it was raised at `simTimeMs` on the city's clock and `sentAtMs` on
 * the wall's, and the city clock runs `speedFactor` times as fast. Exact for
 * a live city (factor 1); on a demo it is right while the speed is not
 * changed between raising and resolving.
 */
import { zonedDayStartMs } from '@common/time/zoned-time';
import type { Alert } from '@protocol';

export interface CityDay {
  /** The city's midnight starting the day, ms since the epoch. */
  startMs: number;
  /** The next midnight, ms since the epoch (23 or 25 h later across a clock change). */
  endMs: number;
  /** The city's IANA time zone the day is counted in. */
  timeZone: string;
}

/** The city's calendar day holding `cityNowMs` (the city's clock), in `timeZone`. */
export function cityDay(cityNowMs: number, timeZone: string): CityDay {
  return { startMs: zonedDayStartMs(cityNowMs, timeZone), endMs: zonedDayStartMs(cityNowMs, timeZone, 1), timeZone };
}

/** Whether a city-clock instant falls on the day. */
export const isOnCityDay = (cityMs: number, day: CityDay): boolean => cityMs >= day.startMs && cityMs < day.endMs;

/**
 * When the alert was resolved on the city's clock, ms since the epoch; null
 * while it is not closed. Never later than `cityNowMs`.
 */
export function resolvedAtCityMs(alert: Pick<Alert, 'simTimeMs' | 'sentAtMs' | 'resolvedAtMs'>, speedFactor: number, cityNowMs: number): number | null {
  if (alert.resolvedAtMs === undefined) return null;
  const cityMs = alert.simTimeMs + Math.max(0, alert.resolvedAtMs - alert.sentAtMs) * speedFactor;
  return Math.min(cityMs, Math.max(cityNowMs, alert.simTimeMs));
}

/**
 * The offset of the city's clock from UTC on a day, e.g. "UTC+8" or
 * "UTC−3:30", independent of the UI language (a leadership screen names its
 * zone the same in every language).
 */
export function utcOffsetLabel(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(epochMs);
  const gmt = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(gmt);
  if (!match) return 'UTC';
  const [, sign, hours, minutes] = match;
  return `UTC${sign === '-' ? '−' : '+'}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}
