/**
 * The headline tiles the cockpit and the wall's KPI band both show — travel
 * time index, average speed, open alerts, resolved today — each as the props
 * of one KpiTile: label, figure, unit and the note saying when it holds.
 * Computed once here, so the two screens cannot show a figure two ways.
 */
import { type ComputedRef, computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { KpiTileProps } from '../../components/kpi-tile-props';
import { useConnectionStore } from '../connection/connection-store';
import { useCityStore } from '../city/city-store';
import { formatSimTime } from '../traffic/sim-time';
import type { useCityFigures } from './use-city-figures';

export function useCityKpiTiles(figures: ReturnType<typeof useCityFigures>) {
  const { t, n, d, locale } = useI18n();
  const connection = useConnectionStore();
  const cityStore = useCityStore();
  const { city, alertsKnown, openCount, resolved, today } = figures;

  const simTime = (ms: number) => formatSimTime(ms, locale.value, cityStore.timeZone).hourMinute;
  /** Traffic holds at the sim time of the latest summary. */
  const simNote = computed(() => (city.value ? t('wall.figures.simAt', { time: simTime(city.value.simTimeMs) }) : null));
  /** Alert counts hold now, on the bridge's clock, once the alert stream is live. */
  const clockNote = computed(() =>
    alertsKnown.value && connection.bridgeNowMs !== null ? t('wall.figures.asOf', { time: d(connection.bridgeNowMs, 'clock') }) : null,
  );
  /** The city's today, said with its day and zone, e.g. "Today · 07 Dec (city time, UTC+8)". */
  const dayNote = computed(() => today.label.value);
  /** Mean time to resolve today's alerts, whole minutes formatted; null while none was resolved. */
  const meanTimeToResolveMin = computed(() => {
    const ms = resolved.value?.meanTimeToResolveMs;
    return ms === null || ms === undefined ? null : n(ms / 60_000, 'integer');
  });

  const tti: ComputedRef<KpiTileProps> = computed(() => ({
    label: t('wall.figures.tti'),
    value: city.value ? city.value.travelTimeIndex.toFixed(2) : null,
    unit: t('wall.units.index'),
    note: city.value ? `${t('wall.figures.band', { band: t(`traffic.levels.${city.value.band}`) })} · ${simNote.value}` : null,
  }));
  const avgSpeed: ComputedRef<KpiTileProps> = computed(() => ({
    label: t('wall.figures.avgSpeed'),
    value: city.value ? city.value.avgSpeedKmh.toFixed(1) : null,
    unit: t('wall.units.kmh'),
    note: simNote.value,
  }));
  const openAlerts: ComputedRef<KpiTileProps> = computed(() => ({
    label: t('wall.figures.openAlerts'),
    value: alertsKnown.value ? n(openCount.value, 'integer') : null,
    unit: t('wall.units.alerts', openCount.value),
    note: clockNote.value,
  }));
  const resolvedToday: ComputedRef<KpiTileProps> = computed(() => ({
    label: t('wall.figures.resolvedToday'),
    value: resolved.value ? n(resolved.value.count, 'integer') : null,
    unit: t('wall.units.alerts', resolved.value?.count ?? 0),
    note: dayNote.value,
  }));

  return { simNote, dayNote, clockNote, meanTimeToResolveMin, tti, avgSpeed, openAlerts, resolvedToday };
}
