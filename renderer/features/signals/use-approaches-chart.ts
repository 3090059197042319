/** The watched signal's approach queues and volumes as an `EChart` option builder, labelled by the side each approach comes from, clockwise from north. */
import { type ComputedRef, computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ChartTheme } from '../../charts/chart-theme';
import type { ChartOption } from '../../charts/echarts';
import { signalApproachesOption } from '../../charts/signal-approaches';
import { orderBySide } from './approach-order';
import { formatFigure } from './signal-format';
import { useSignalStore } from './signal-store';

export function useApproachesChart(): ComputedRef<(theme: ChartTheme) => ChartOption> {
  const signals = useSignalStore();
  const { t, locale } = useI18n();
  return computed(() => {
    const bearings = signals.geometry?.bearings ?? new Map<string, number>();
    const approaches = orderBySide(signals.status?.approaches ?? [], bearings);
    const data = {
      labels: approaches.map(({ side }) => (side ? t('signals.approach', { side: t(`signals.compass.${side}`) }) : t('signals.unknownApproach'))),
      queueVeh: approaches.map(({ approach }) => approach.queueVeh),
      volumeVehPerH: approaches.map(({ approach }) => approach.volumeVehPerH),
      queueName: t('signals.live.queueSeries'),
      volumeName: t('signals.live.volumeSeries'),
      formatNumber: (value: number) => formatFigure(value, locale.value, 0),
    };
    return (theme: ChartTheme) => signalApproachesOption(data, theme);
  });
}
