/**
 * A city's calendar in its own IANA time zone, whatever the zone of the
 * machine doing the sums (a bridge in a data centre on UTC, a cockpit on a
 * laptop abroad): where its day starts and what its clock reads. Daylight
 * saving is the zone's business, handled by date-fns on a TZDate, so a day
 * may last 23 or 25 hours.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';

const MS_PER_HOUR = 3_600_000;

/**
 * Midnight starting the day that holds `epochMs` in `timeZone`, moved
 * `offsetDays` days on the calendar (-1: yesterday's start, 1: tomorrow's),
 * ms since the epoch.
 */
export function zonedDayStartMs(epochMs: number, timeZone: string, offsetDays = 0): number {
  return addDays(startOfDay(new TZDate(epochMs, timeZone)), offsetDays).getTime();
}

/** What the clock in `timeZone` reads at `epochMs`, hours after midnight in [0, 24), fractional. */
export function zonedHourOfDay(epochMs: number, timeZone: string): number {
  const local = new TZDate(epochMs, timeZone);
  const msOfHour = (local.getMinutes() * 60 + local.getSeconds()) * 1000 + local.getMilliseconds();
  return local.getHours() + msOfHour / MS_PER_HOUR;
}

/** The instant the clock in `timeZone` reads `hours:minutes` on a calendar day (`monthIndex` 0–11), ms since the epoch. */
export function zonedTimeMs(year: number, monthIndex: number, day: number, hours: number, minutes: number, timeZone: string): number {
  return new TZDate(year, monthIndex, day, hours, minutes, timeZone).getTime();
}
