/**
 * The headline figures the cockpit and the wall share, each with the time
 * it holds for: traffic from the latest summary (sim time), alerts from the
 * alert stream (wall time), and the districts needing attention. "Today" is
 * the city's (use-city-today.ts).
 */
import { computed } from 'vue';
import { openBySeverity } from '../alerts/alert-filters';
import { useAlertsStore } from '../alerts/alerts-store';
import { useTrafficStore } from '../traffic/traffic-store';
import { rankByAttention } from './attention';
import { resolvedOnCityDay } from './resolution';
import { ttiBand } from './tti-band';
import { useCityToday } from './use-city-today';

export function useCityFigures(attentionLimit: number) {
  const traffic = useTrafficStore();
  const alerts = useAlertsStore();
  const today = useCityToday();

  const city = computed(() => {
    const summary = traffic.summary;
    if (!summary) return null;
    return { ...summary.city, band: ttiBand(summary.city.travelTimeIndex), simTimeMs: summary.simTimeMs };
  });
  /** Alert figures hold once the bridge sent its snapshot. */
  const alertsKnown = computed(() => alerts.streamId !== null);
  const openAlerts = computed(() => openBySeverity(alerts.alerts));
  /** Start of the city's today on the city's clock, ms since the epoch. */
  const dayStartMs = computed(() => today.day.value?.startMs ?? null);
  const resolved = computed(() => {
    const day = today.day.value;
    const nowMs = today.cityNowMs.value;
    return day === null || nowMs === null ? null : resolvedOnCityDay(alerts.alerts, day, today.speedFactor.value, nowMs);
  });
  /** Open Severe plus Extreme alerts: what the cockpit's alert target counts. */
  const severeOpen = computed(() => openAlerts.value.Severe + openAlerts.value.Extreme);
  const attention = computed(() => (traffic.summary ? rankByAttention(traffic.summary.districts, alerts.alerts, attentionLimit) : []));

  return { city, alertsKnown, openAlerts, severeOpen, openCount: computed(() => alerts.counts.open), today, dayStartMs, resolved, attention };
}
