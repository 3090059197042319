/** The devices-by-kind-per-district chart for the city's districts, in the UI language. */
import { DEVICE_KINDS, type DeviceKind } from '@protocol';
import { type ComputedRef, computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ChartTheme } from '../../charts/chart-theme';
import { devicesByDistrictOption } from '../../charts/devices-by-district';
import type { ChartOption } from '../../charts/echarts';
import { localName } from '../../i18n/locale';
import type { DistrictCounts } from '@protocol';
import { rankByDevices } from './district-counts';

/** An option builder for `EChart`; it changes, and the chart redraws, with the districts or the language. */
export function useDevicesChart(
  districts: () => readonly DistrictCounts[],
): ComputedRef<(theme: ChartTheme) => ChartOption> {
  const { t, locale } = useI18n();
  return computed(() => {
    const data = {
      // Same order as the ranking beside it on the wall.
      districts: rankByDevices(districts()).map((district) => ({
        name: localName(district.name, locale.value),
        devices: district.devices,
      })),
      kindLabels: Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, t(`deviceKinds.${kind}`)])) as Record<DeviceKind, string>,
    };
    return (theme: ChartTheme) => devicesByDistrictOption(data, theme);
  });
}
