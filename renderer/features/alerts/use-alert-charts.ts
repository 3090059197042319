/** The alert charts' option builders, in the UI language, following the store and the clocks. */
import { zonedDayStartMs } from '@common/time/zoned-time';
import { ALERT_KINDS, type AlertKind, CAP_SEVERITIES, type CapSeverity } from '@protocol';
import { type ComputedRef, computed, onScopeDispose, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { alertsPerHourOption } from '../../charts/alerts-per-hour';
import { alertsPerKindOption } from '../../charts/alerts-per-kind';
import type { ChartTheme } from '../../charts/chart-theme';
import type { ChartOption } from '../../charts/echarts';
import { timeToAcknowledgeOption } from '../../charts/time-to-acknowledge';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { countByKind, countPerHour } from './alert-stats';
import { useAlertsStore } from './alerts-store';
import { SEVERITY_COLORS } from './severity-colors';
import { meanTimeToAckBySeverity } from './time-to-ack';

type OptionBuilder = ComputedRef<(theme: ChartTheme) => ChartOption>;

export function useAlertCharts(): { perKind: OptionBuilder; perHour: OptionBuilder; timeToAck: OptionBuilder } {
  const { t, locale } = useI18n();
  const alerts = useAlertsStore();
  const connection = useConnectionStore();
  const city = useCityStore();
  // The sim clock straight from the bridge (a retained push): the traffic store would start a decoding worker for nothing.
  const simClockMs = ref<number | null>(null);
  onScopeDispose(connection.onMessage('sim-clock', (clock) => (simClockMs.value = clock.simTimeMs)));

  const perKind = computed(() => {
    const data = {
      counts: countByKind(alerts.alerts),
      kindLabels: Object.fromEntries(ALERT_KINDS.map((kind) => [kind, t(`alerts.kinds.${kind}`)])) as Record<AlertKind, string>,
      seriesName: t('alerts.charts.count'),
    };
    return (theme: ChartTheme) => alertsPerKindOption(data, theme);
  });

  const perHour = computed(() => {
    // The city clock, or the newest alert's time when it runs ahead of the last clock message.
    const nowSimMs = alerts.alerts.reduce((newestMs, alert) => Math.max(newestMs, alert.simTimeMs), simClockMs.value ?? 0);
    const hourFormat = new Intl.DateTimeFormat(locale.value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const data = {
      hours: countPerHour(alerts.alerts, nowSimMs),
      formatHour: (ms: number) => hourFormat.format(ms),
      seriesName: t('alerts.charts.count'),
    };
    return (theme: ChartTheme) => alertsPerHourOption(data, theme);
  });

  const timeToAck = computed(() => {
    const nowMs = connection.bridgeNowMs ?? connection.nowMs;
    const data = {
      bySeverity: meanTimeToAckBySeverity(alerts.alerts, zonedDayStartMs(nowMs, city.timeZone)),
      severityLabels: Object.fromEntries(CAP_SEVERITIES.map((severity) => [severity, t(`alerts.severities.${severity}`)])) as Record<CapSeverity, string>,
      severityColors: SEVERITY_COLORS,
      formatMinutes: (minutes: number) => t('alerts.charts.minutes', { n: minutes.toFixed(1) }),
      seriesName: t('alerts.charts.timeToAck'),
    };
    return (theme: ChartTheme) => timeToAcknowledgeOption(data, theme);
  });

  return { perKind, perHour, timeToAck };
}
