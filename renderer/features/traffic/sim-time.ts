/**
 * Sim time as the city lives it: in the city's own time zone, whatever the
 * zone of the machine showing it (a wall in another city, a laptop at a
 * trade fair abroad). The city model carries no zone yet; the demo city and
 * every city this product serves today are in China.
 */
import { type Locale, timeZoneLabel } from '../../i18n/locale';

/** IANA time zone of the city. */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

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

function format(locale: Locale, kind: 'time' | 'date' | 'hourMinute'): Intl.DateTimeFormat {
  const key = `${locale}/${kind}`;
  let formatter = formats.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(kind === 'time' && { second: '2-digit' }) };
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: CITY_TIME_ZONE });
    formats.set(key, formatter);
  }
  return formatter;
}

/** The sim time `epochMs` (ms since the epoch) in the city's time zone, worded for `locale`. */
export function formatSimTime(epochMs: number, locale: Locale): SimTimeText {
  return {
    time: format(locale, 'time').format(epochMs),
    date: format(locale, 'date').format(epochMs),
    zone: timeZoneLabel(epochMs, locale, CITY_TIME_ZONE),
    hourMinute: format(locale, 'hourMinute').format(epochMs),
  };
}
