/**
 * The vue-i18n instance: both catalogues plus the number and date formats
 * the UI uses, so that numbers, units and clocks follow the language (digit
 * grouping, "12 sec" vs "12秒").
 */
import { createI18n } from 'vue-i18n';
import en, { type MessageSchema } from './en';
import type { Locale as UiLocale } from './locale';
import zhCN from './zh-CN';

const numberFormats = {
  /** Counts: grouped thousands, no decimals. */
  integer: { maximumFractionDigits: 0 },
  milliseconds: { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 },
  seconds: { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 0 },
} as const satisfies Record<string, Intl.NumberFormatOptions>;

const dateTimeFormats = {
  /** 24-hour wall clock with seconds. */
  clock: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  date: { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

type NumberFormats = typeof numberFormats;
type DateTimeFormats = typeof dateTimeFormats;

// Makes t(), n() and d() check their keys, and `locale` its value, at compile time.
declare module '@intlify/core-base' {
  interface GeneratedTypeConfig {
    // Aliased: inside this block, a bare `Locale` would name the library's own type.
    locale: UiLocale;
  }
}
declare module 'vue-i18n' {
  export interface DefineLocaleMessage extends MessageSchema {}
  export interface DefineNumberFormat extends NumberFormats {}
  export interface DefineDateTimeFormat extends DateTimeFormats {}
}

export function createAppI18n(locale: UiLocale) {
  return createI18n<[MessageSchema], UiLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { 'zh-CN': zhCN, en },
    numberFormats: { 'zh-CN': numberFormats, en: numberFormats },
    datetimeFormats: { 'zh-CN': dateTimeFormats, en: dateTimeFormats },
  });
}
