import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppI18n } from './create-i18n';
import en from './en';
import { LOCALES } from './locale';

/** Every message key, dotted, e.g. `connection.liveRtt`. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

afterEach(() => vi.restoreAllMocks());

describe.each(LOCALES)('the %s catalogue', (locale) => {
  const i18n = createAppI18n(locale);
  const { t, te } = i18n.global;

  it.each(keysOf(en))('has a message for %s that compiles and renders', (key) => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    expect(te(key, locale)).toBe(true);
    const rendered = t(key as never, { count: 2 }, 2);
    expect(rendered).not.toBe(key);
    expect(rendered.length).toBeGreaterThan(0);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('formats counts and durations for its language', () => {
    const { n } = i18n.global;
    expect(n(12_345, 'integer')).toBe('12,345');
    expect(n(3, 'milliseconds')).toBe(locale === 'en' ? '3 ms' : '3毫秒');
    expect(n(12, 'seconds')).toBe(locale === 'en' ? '12 sec' : '12秒');
  });

  it('chooses singular and plural units', () => {
    expect(t('wall.units.alerts', 1)).toBe(locale === 'en' ? 'alert' : '条');
    expect(t('wall.units.alerts', 12)).toBe(locale === 'en' ? 'alerts' : '条');
  });
});
