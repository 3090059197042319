/** The citywide travel-time-index chart over the traffic history, in the UI language and the city's time zone. */
import { type ComputedRef, computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ChartTheme } from '../../charts/chart-theme';
import type { ChartOption } from '../../charts/echarts';
import { travelTimeIndexOption } from '../../charts/travel-time-index';
import { formatSimTime } from './sim-time';
import { HISTORY_WINDOW_MS } from './traffic-history';
import { useTrafficStore } from './traffic-store';

/** An option builder for `EChart`; it changes, and the chart redraws, with the history or the language. */
export function useTtiChart(): ComputedRef<(theme: ChartTheme) => ChartOption> {
  const traffic = useTrafficStore();
  const { t, locale } = useI18n();
  return computed(() => {
    const data = {
      points: traffic.history,
      seriesName: t('charts.travelTimeIndexSeries'),
      windowMs: HISTORY_WINDOW_MS,
      formatTime: (simTimeMs: number) => formatSimTime(simTimeMs, locale.value).hourMinute,
    };
    return (theme: ChartTheme) => travelTimeIndexOption(data, theme);
  });
}
