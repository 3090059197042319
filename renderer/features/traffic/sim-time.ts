/**
 * Sim time as the city lives it: in the city's own time zone (CityMeta.timeZone),
 * whatever the zone of the machine showing it (a wall in another city, a
 * laptop at a trade fair abroad).
 */
import { type Locale, timeZoneLabel } from '../../i18n/locale';

export interface SimTimeText {
  /** e.g. "08:30:05" */
  time: string;
  /** e.g. "Tue, Jan 1, 2030" or "2030年1月1日周二" */
  date: string;
  /** e.g. "GMT+8" */
  zone: string;
  /** Short time of day for chart axes, e.g. "08:30" */
  hourMinute: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, timeZone: string, kind: 'time' | 'date' | 'hourMinute'): Intl.DateTimeFormat {
  const key = `${locale}/${timeZone}/${kind}`;
  let formatter = formats.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(kind === 'time' && { second: '2-digit' }) };
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, formatter);
  }
  return formatter;
}

/** The sim time `epochMs` (ms since the epoch) in the city's IANA `timeZone`, worded for `locale`. */
export function formatSimTime(epochMs: number, locale: Locale, timeZone: string): SimTimeText {
  return {
    time: format(locale, timeZone, 'time').format(epochMs),
    date: format(locale, timeZone, 'date').format(epochMs),
    zone: timeZoneLabel(epochMs, locale, timeZone),
    hourMinute: format(locale, timeZone, 'hourMinute').format(epochMs),
  };
}
