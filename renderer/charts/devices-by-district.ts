/** Devices of each kind per district, as one stacked horizontal bar per district. */
import { DEVICE_KINDS, type DeviceKind } from '@protocol';
import type { ChartTheme } from './chart-theme';
import type { ChartOption } from './echarts';

export interface DevicesByDistrictData {
  /** Districts from top to bottom, named in the UI language. */
  districts: readonly { name: string; devices: Readonly<Record<DeviceKind, number>> }[];
  /** Legend label of each device kind, in the UI language. */
  kindLabels: Readonly<Record<DeviceKind, string>>;
}

export function devicesByDistrictOption({ districts, kindLabels }: DevicesByDistrictData, theme: ChartTheme): ChartOption {
  const text = { color: theme.textColor, fontSize: theme.fontPx, fontFamily: theme.fontFamily };
  const muted = { ...text, color: theme.mutedColor };
  return {
    color: theme.seriesColors,
    textStyle: text,
    // A scrolling legend stays on one line, so the grid below it never collides with a wrapped second row.
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: theme.fontPx * 0.8,
      itemHeight: theme.fontPx * 0.5,
      textStyle: text,
      pageTextStyle: muted,
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: theme.surfaceColor,
      borderColor: theme.lineColor,
      textStyle: text,
    },
    grid: {
      top: theme.fontPx * 2.2,
      left: 0,
      right: theme.fontPx,
      bottom: 0,
      // Keep the axis labels inside the panel, however long a district's name.
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: muted,
      splitLine: { lineStyle: { color: theme.lineColor } },
    },
    yAxis: {
      type: 'category',
      // Categories run bottom-up by default; the first district belongs on top.
      inverse: true,
      data: districts.map((district) => district.name),
      // Every district is named; ECharts would otherwise drop labels it thinks are crowded.
      axisLabel: { ...text, interval: 0 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.lineColor } },
    },
    series: DEVICE_KINDS.map((kind) => ({
      type: 'bar' as const,
      name: kindLabels[kind],
      stack: 'devices',
      barMaxWidth: theme.fontPx * 1.5,
      emphasis: { focus: 'series' as const },
      data: districts.map((district) => district.devices[kind]),
    })),
  };
}
