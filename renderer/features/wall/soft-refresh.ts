/**
 * When the wall's next soft refresh is due: the layout's local time of day,
 * the next time it comes round.
 */
import { type WallSoftRefresh, softRefreshMinuteOfDay } from '@protocol/wall-layout';

/** The next refresh after `nowMs` in the page's local time, ms since the epoch; null when disabled. */
export function nextSoftRefreshMs(refresh: WallSoftRefresh, nowMs: number): number | null {
  const minute = softRefreshMinuteOfDay(refresh);
  if (minute === null) return null;
  const due = new Date(nowMs);
  due.setHours(Math.floor(minute / 60), minute % 60, 0, 0);
  if (due.getTime() <= nowMs) due.setDate(due.getDate() + 1);
  return due.getTime();
}
