/** Figures of the signal panel in the UI language: grouped digits, at most the decimals a figure needs. */
import type { Locale } from '../../i18n/locale';

const formats = new Map<string, Intl.NumberFormat>();

/** `value` with up to `maxFractionDigits` decimals (default 1), e.g. "1,250" or "12.5". */
export function formatFigure(value: number, locale: Locale, maxFractionDigits = 1): string {
  const key = `${locale}/${maxFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits });
    formats.set(key, format);
  }
  return format.format(value);
}
