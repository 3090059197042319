/**
 * When an alert must sound and flash: a severe or extreme alert arriving,
 * or any alert escalating. Only live events qualify, never the snapshot a
 * connection starts with, so reloading a wall does not set it off again.
 */
import { type Alert, ESCALATING_SEVERITIES, isOpenAlertStatus } from '@protocol';

export type AlarmReason = 'severe' | 'escalated';

/** Why `next` should raise the alarm given the state the client held before (`previous`), or null. */
export function alarmReason(previous: Alert | undefined, next: Alert): AlarmReason | null {
  if (!isOpenAlertStatus(next.status)) return null;
  if (next.escalatedAtMs !== undefined && previous?.escalatedAtMs === undefined) return 'escalated';
  if (previous === undefined && ESCALATING_SEVERITIES.includes(next.severity)) return 'severe';
  return null;
}
