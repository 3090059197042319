/**
 * The cockpit's headline tiles: each figure with its unit, the time it holds
 * for, its target (met or not), the same hour a week earlier when the bridge
 * kept it, and a small line of today hour by hour.
 */
import { CAP_SEVERITIES, isOpenAlertStatus } from '@protocol';
import { type ComputedRef, computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useAlertsStore } from '../alerts/alerts-store';
import { useCityStore } from '../city/city-store';
import { resolvedAtCityMs } from './city-today';
import { useCockpitSettingsStore } from './cockpit-settings-store';
import { useCityTrendStore } from './city-trend-store';
import { weekEarlierHour } from './hour-comparison';
import { countPerHour } from './sparkline';
import { type TargetDirection, readTarget, targetSign } from './targets';
import type { useCityFigures } from './use-city-figures';
import type { useCityKpiTiles } from './use-city-kpi-tiles';

const HOUR_MS = 3_600_000;

export interface CockpitTileTarget {
  /** e.g. "Target ≤ 1.5 · met" */
  text: string;
  met: boolean | null;
}

export interface CockpitTileModel {
  label: string;
  value: string | null;
  unit: string;
  note: string | null;
  target: CockpitTileTarget | null;
  /** The week-earlier line, or why there is none. */
  compare: string | null;
  spark: readonly (number | null)[];
  sparkTitle: string;
}

export function useCockpitTiles(figures: ReturnType<typeof useCityFigures>, tiles: ReturnType<typeof useCityKpiTiles>) {
  const { t, n } = useI18n();
  const settings = useCockpitSettingsStore();
  const trendStore = useCityTrendStore();
  const alerts = useAlertsStore();
  const cityStore = useCityStore();
  const targets = computed(() => settings.settings.targets);

  const targetLine = (value: number | null, target: number, direction: TargetDirection, digits: number): CockpitTileTarget => {
    const reading = readTarget(value, target, direction);
    const goal = t(direction === 'at-most' ? 'cockpit.target.atMost' : 'cockpit.target.atLeast', { value: target.toFixed(digits) });
    const verdict = reading.met === null ? t('cockpit.target.unknown') : `${reading.met ? '✓' : '✗'} ${t(reading.met ? 'cockpit.target.met' : 'cockpit.target.notMet')}`;
    return { text: `${goal} · ${verdict}`, met: reading.met };
  };

  /** The same hour a week earlier for the hour the city's clock is in now. */
  const weekAgoHour = computed(() => {
    const trend = trendStore.trend;
    const city = figures.city.value;
    if (!trend || !city) return null;
    return weekEarlierHour(trend.weekAgo, Math.floor(city.simTimeMs / HOUR_MS) * HOUR_MS, cityStore.timeZone);
  });
  const weekLine = (now: number | null, then: number | null, digits: number): string => {
    if (then === null) return t('cockpit.compare.noWeekAgo');
    const change = now === null || then === 0 ? '—' : `${now >= then ? '+' : '−'}${Math.abs(((now - then) / then) * 100).toFixed(1)} %`;
    return t('cockpit.compare.weekAgo', { value: then.toFixed(digits), change });
  };
  const hourly = (pick: 'travelTimeIndex' | 'avgSpeedKmh') => (trendStore.trend?.today ?? []).map((hour) => hour[pick]);

  const tti: ComputedRef<CockpitTileModel> = computed(() => {
    const value = figures.city.value?.travelTimeIndex ?? null;
    return {
      ...tiles.tti.value,
      target: targetLine(value, targets.value.ttiMax, 'at-most', 1),
      compare: weekLine(value, weekAgoHour.value?.travelTimeIndex ?? null, 2),
      spark: hourly('travelTimeIndex'),
      sparkTitle: t('cockpit.spark.hourly'),
    };
  });
  const avgSpeed: ComputedRef<CockpitTileModel> = computed(() => {
    const value = figures.city.value?.avgSpeedKmh ?? null;
    return {
      ...tiles.avgSpeed.value,
      target: targetLine(value, targets.value.avgSpeedMinKmh, 'at-least', 0),
      compare: weekLine(value, weekAgoHour.value?.avgSpeedKmh ?? null, 1),
      spark: hourly('avgSpeedKmh'),
      sparkTitle: t('cockpit.spark.hourly'),
    };
  });

  const perHour = (times: () => Iterable<number>) => {
    const day = figures.today.day.value;
    const nowMs = figures.today.cityNowMs.value;
    return day === null || nowMs === null ? [] : countPerHour(times(), day.startMs, nowMs);
  };
  const severeOpen: ComputedRef<CockpitTileModel> = computed(() => {
    const known = figures.alertsKnown.value;
    const value = known ? figures.severeOpen.value : null;
    return {
      label: t('cockpit.tiles.severeOpen'),
      value: value === null ? null : n(value, 'integer'),
      unit: t('wall.units.alerts', value ?? 0),
      note: tiles.clockNote.value,
      target: targetLine(value, targets.value.severeOpenAlertsMax, 'at-most', 0),
      compare: t('cockpit.compare.notRecorded'),
      spark: perHour(function* () {
        for (const alert of alerts.alerts) if (alert.severity === 'Severe' || alert.severity === 'Extreme') yield alert.simTimeMs;
      }),
      sparkTitle: t('cockpit.spark.raisedPerHour'),
    };
  });
  const resolved: ComputedRef<CockpitTileModel> = computed(() => {
    const figure = figures.resolved.value;
    const mttrMin = figure?.meanTimeToResolveMs == null ? null : figure.meanTimeToResolveMs / 60_000;
    const nowMs = figures.today.cityNowMs.value ?? 0;
    const speed = figures.today.speedFactor.value;
    return {
      ...tiles.resolvedToday.value,
      target: targetLine(mttrMin, targets.value.meanTimeToResolveMaxMin, 'at-most', 0),
      compare: mttrMin === null ? t('cockpit.tiles.mttrNone') : t('cockpit.tiles.mttr', { value: n(mttrMin, 'integer') }),
      spark: perHour(function* () {
        for (const alert of alerts.alerts) {
          if (alert.status !== 'resolved') continue;
          const cityMs = resolvedAtCityMs(alert, speed, nowMs);
          if (cityMs !== null) yield cityMs;
        }
      }),
      sparkTitle: t('cockpit.spark.resolvedPerHour'),
    };
  });
  /** Open alerts of every severity, for the alert tile's breakdown. */
  const openAll = computed(() => {
    let count = 0;
    for (const alert of alerts.alerts) if (isOpenAlertStatus(alert.status)) count++;
    return count;
  });

  return { tti, avgSpeed, severeOpen, resolved, openAll, severities: CAP_SEVERITIES };
}
