/**
 * The headline figures the cockpit and the wall share, each with the time
 * it holds for: traffic from the latest summary (sim time), alerts from the
 * alert stream (wall time), and the districts needing attention.
 */
import { zonedDayStartMs } from '@common/time/zoned-time';
import { computed } from 'vue';
import { openBySeverity } from '../alerts/alert-filters';
import { useAlertsStore } from '../alerts/alerts-store';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { useTrafficStore } from '../traffic/traffic-store';
import { rankByAttention } from './attention';
import { resolvedSince } from './resolution';
import { ttiBand } from './tti-band';

export function useCityFigures(attentionLimit: number) {
  const traffic = useTrafficStore();
  const alerts = useAlertsStore();
  const connection = useConnectionStore();
  const cityStore = useCityStore();

  const city = computed(() => {
    const summary = traffic.summary;
    if (!summary) return null;
    return { ...summary.city, band: ttiBand(summary.city.travelTimeIndex), simTimeMs: summary.simTimeMs };
  });
  /** Alert figures hold once the bridge sent its snapshot. */
  const alertsKnown = computed(() => alerts.streamId !== null);
  const openAlerts = computed(() => openBySeverity(alerts.alerts));
  /** Today on the bridge's clock, from the city's midnight, wall ms. */
  const dayStartMs = computed(() => (connection.bridgeNowMs === null ? null : zonedDayStartMs(connection.bridgeNowMs, cityStore.timeZone)));
  const resolved = computed(() => (dayStartMs.value === null ? null : resolvedSince(alerts.alerts, dayStartMs.value)));
  const attention = computed(() => (traffic.summary ? rankByAttention(traffic.summary.districts, alerts.alerts, attentionLimit) : []));

  return { city, alertsKnown, openAlerts, openCount: computed(() => alerts.counts.open), dayStartMs, resolved, attention };
}
