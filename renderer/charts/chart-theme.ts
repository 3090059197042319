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
