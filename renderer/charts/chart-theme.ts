/**
 * Charts draw on canvas, where CSS does not reach; this reads the theme's
 * custom properties once per draw so charts follow the same tokens as the
 * rest of the UI, including the wall's screen-relative type size.
 */

export interface ChartTheme {
  textColor: string;
  mutedColor: string;
  /** Axis and grid lines. */
  lineColor: string;
  /** Tooltip background. */
  surfaceColor: string;
  /** One colour per series, in series order. */
  seriesColors: string[];
  fontFamily: string;
  /** Label size, in CSS px: the chart element's own font size. */
  fontPx: number;
}

/** Number of `--series-N` tokens the theme defines. */
const SERIES_TOKENS = 4;

/** Reads the theme from the computed style of the chart's element; throws naming a missing token. */
export function readChartTheme(style: Pick<CSSStyleDeclaration, 'getPropertyValue' | 'fontSize' | 'fontFamily'>): ChartTheme {
  const token = (name: string): string => {
    const value = style.getPropertyValue(name).trim();
    if (!value) throw new Error(`chart theme: CSS custom property ${name} is not set`);
    return value;
  };
  const fontPx = Number.parseFloat(style.fontSize);
  if (!(fontPx > 0)) throw new Error(`chart theme: font-size ${JSON.stringify(style.fontSize)} is not a positive length`);
  return {
    textColor: token('--color-text'),
    mutedColor: token('--color-text-muted'),
    lineColor: token('--color-border'),
    surfaceColor: token('--color-surface-raised'),
    seriesColors: Array.from({ length: SERIES_TOKENS }, (_, i) => token(`--series-${i + 1}`)),
    fontFamily: style.fontFamily,
    fontPx,
  };
}

/**
 * Grid bounds that keep everything drawn around the plot inside the chart:
 * in ECharts 6 `outerBoundsContain: 'axisLabel'` (what `containLabel` meant)
 * leaves axis names out, so a vertical axis' name centred over its line was
 * cut at the canvas edge ("/olume (veh/h)", "eue (veh)"). 'all' counts them.
 */
export const CONTAINED_GRID = { outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;

/**
 * A vertical axis' name laid out towards the plot: a left axis' name starts
 * at its line, a right axis' name ends at it, so neither hangs past the edge
 * and two names of a dual-axis chart grow apart rather than into each other.
 */
export function inwardAxisName(position: 'left' | 'right'): { nameLocation: 'end'; nameTextStyle: { align: 'left' | 'right' } } {
  return { nameLocation: 'end', nameTextStyle: { align: position } };
}
