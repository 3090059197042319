/**
 * The city's today as the screens use it (see city-today.ts): the day of the
 * city's clock — the latest sim time heard, else the bridge's clock — in the
 * city's time zone, and the words that say so on screen, e.g.
 * "Today · 07 Dec (city time, UTC+8)". The wall imports this too.
 */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { useTrafficStore } from '../traffic/traffic-store';
import { type CityDay, cityDay, utcOffsetLabel } from './city-today';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "07 Dec" / "12月7日" for the city's day, in the city's zone. */
export function cityDayText(day: CityDay, locale: string): string {
  const key = `${locale}/${day.timeZone}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: '2-digit', month: 'short', timeZone: day.timeZone });
    dayFormats.set(key, format);
  }
  return format.format(day.startMs);
}

export function useCityToday() {
  const { t, locale } = useI18n();
  const traffic = useTrafficStore();
  const connection = useConnectionStore();
  const city = useCityStore();

  /** The city's clock now, ms since the epoch; null before the bridge said anything. */
  const cityNowMs = computed(() => traffic.simTimeMs ?? connection.bridgeNowMs);
  /** How fast the city's clock runs against the wall's; 1 for a live city or before the sim clock is known. */
  const speedFactor = computed(() => traffic.speedFactor ?? 1);
  const day = computed<CityDay | null>(() => (cityNowMs.value === null ? null : cityDay(cityNowMs.value, city.timeZone)));
  /** e.g. "Today · 07 Dec (city time, UTC+8)"; null until the city's clock is known. */
  const label = computed(() => {
    const today = day.value;
    if (!today) return null;
    return t('cockpit.today.label', { date: cityDayText(today, locale.value), zone: utcOffsetLabel(today.startMs, today.timeZone) });
  });

  return { cityNowMs, speedFactor, day, label };
}
