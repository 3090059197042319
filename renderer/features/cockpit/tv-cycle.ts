/**
 * TV mode: the cockpit on an unattended screen shows its pages one after the
 * other, forever, with no controls. The page shown follows from the time
 * alone, so a tab that slept or a timer that fired late lands on the right
 * page and the cycle can never stop by itself.
 */

/** The cockpit's pages, in the order TV mode shows them. */
export const TV_PAGES = ['overview', 'map', 'alerts'] as const;
export type TvPage = (typeof TV_PAGES)[number];

/** Index of the page to show `elapsedMs` after the cycle started, `pageMs` per page. */
export function tvPageIndex(elapsedMs: number, pageMs: number, pageCount: number): number {
  if (pageCount <= 0) return 0;
  const step = Math.floor(Math.max(0, elapsedMs) / Math.max(1, pageMs));
  return step % pageCount;
}

/** Ms until the next page, so the timer wakes on the page change rather than polling. */
export function msToNextPage(elapsedMs: number, pageMs: number): number {
  const into = Math.max(0, elapsedMs) % Math.max(1, pageMs);
  return pageMs - into;
}

export interface TvQuery {
  /** TV mode is on (`tv=1` or `tv=true`). */
  on: boolean;
  /** Seconds per page from the URL (`interval=30`); null leaves the configured time. */
  pageS: number | null;
}

/** Reads `tv` and `interval` from the route's query; an interval outside `range` is ignored, not clamped silently into something else. */
export function parseTvQuery(query: Readonly<Record<string, unknown>>, range: { min: number; max: number }): TvQuery {
  const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  const tv = first(query.tv);
  // `?tv` alone arrives as null from the router, `?tv=` as ''.
  const on = tv === '1' || tv === 'true' || tv === '' || ('tv' in query && tv === null);
  const interval = Number(first(query.interval));
  const pageS = Number.isFinite(interval) && interval >= range.min && interval <= range.max ? interval : null;
  return { on, pageS };
}
