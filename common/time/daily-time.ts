/**
 * The next time a clock reads a given time of day, e.g. the wall's nightly
 * soft refresh. Croner steps the calendar in the zone rather than adding
 * 24-hour strides, so the time stays put across daylight-saving changes: a
 * time the spring change skips happens as the clocks jump, and a time the
 * autumn change repeats happens the first time only.
 */
import { Cron } from 'croner';

/**
 * The first instant strictly after `afterMs` at which the clock in
 * `timeZone` (an IANA name; default this machine's zone) reads
 * `minuteOfDay` minutes after midnight (0–1439), ms since the epoch.
 */
export function nextDailyTimeMs(minuteOfDay: number, afterMs: number, timeZone?: string): number {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay >= 24 * 60) {
    throw new RangeError(`minute of the day: expected an integer in 0..1439, got ${minuteOfDay}`);
  }
  const pattern = `${minuteOfDay % 60} ${Math.floor(minuteOfDay / 60)} * * *`;
  // No callback: the job only computes, it never schedules a timer.
  const next = new Cron(pattern, { timezone: timeZone }).nextRun(new Date(afterMs));
  // A daily pattern always has a next run; null would mean croner gave up.
  if (next === null) throw new Error(`no next run for "${pattern}" after ${new Date(afterMs).toISOString()}`);
  return next.getTime();
}
