/**
 * The app's i18n instance, started in the user's language, and the one way to
 * switch it: the choice is remembered, and the page's `lang` follows it so the
 * browser picks Chinese glyph shapes for Chinese text.
 */
import { createAppI18n } from './create-i18n';
import { LOCALES, LOCALE_STORAGE_KEY, type Locale, chooseLocale, isLocale } from './locale';

export const i18n = createAppI18n(chooseLocale(storedLocale(), navigator.language));
document.documentElement.lang = i18n.global.locale.value;

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  localStorage.setItem(LOCALE_STORAGE_KEY, locale);
}

function storedLocale(): string | null {
  const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  if (stored !== null && !isLocale(stored)) {
    console.warn(
      `localStorage ${LOCALE_STORAGE_KEY}: expected one of ${LOCALES.join(', ')}, got ${JSON.stringify(stored)}; using the system language`,
    );
  }
  return stored;
}
