/**
 * The freshness of data in words, in the UI language: what a panel, a KPI
 * or the banner says about how old its figures are.
 */
import { useI18n } from 'vue-i18n';
import { type StreamFreshness, ageParts, formatAgeClock } from './freshness';

export function useFreshnessText() {
  const { t, d } = useI18n();

  /** "data 00:00:42 old · as of 23:41:05", "as of 23:41:05 · 00:01:20 old", or null while fresh. */
  function ageLine(freshness: StreamFreshness): string | null {
    if (freshness.level === 'fresh') return null;
    if (freshness.asOfMs === null || freshness.ageMs === null) return t('freshness.noData');
    const values = { age: formatAgeClock(freshness.ageMs), time: d(freshness.asOfMs, 'clock') };
    return freshness.level === 'aging' ? t('freshness.aging', values) : t('freshness.stale', values);
  }

  /** An age for a sentence: "1 min 20 s" / "1 分 20 秒", or "42 s" under a minute. */
  function spokenAge(ageMs: number): string {
    const { minutes, seconds } = ageParts(ageMs);
    return minutes > 0 ? t('freshness.banner.ageMinutes', { minutes, seconds }) : t('freshness.banner.ageSeconds', { seconds });
  }

  /** A time of day on the 24-hour clock, e.g. "23:40:12". */
  function clockTime(epochMs: number): string {
    return d(epochMs, 'clock');
  }

  return { ageLine, spokenAge, clockTime };
}
