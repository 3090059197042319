/** Which UI language to use, and how to pick names given in both. */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** localStorage key of the language the user picked in the header. */
export const LOCALE_STORAGE_KEY = 'citybrain.locale';

/** Each language's name in that language, as a language switch shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { 'zh-CN': '中文', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The language to start in: the user's earlier choice when it is one we
 * have, else Chinese where the system language is any Chinese, else English.
 */
export function chooseLocale(stored: string | null, systemLanguage: string): Locale {
  if (isLocale(stored)) return stored;
  return systemLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A name given in both languages, in the one shown. */
export function localName(name: { zh: string; en: string }, locale: Locale): string {
  return locale === 'zh-CN' ? name.zh : name.en;
}

/**
 * The short name of the time zone clocks are shown in, e.g. "GMT+8": the unit
 * of a time of day. `timeZone` defaults to this machine's.
 */
export function timeZoneLabel(epochMs: number, locale: Locale, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone }).formatToParts(epochMs);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}
