/**
 * Where a pushed focus takes the twin: drill targets go as they are; an
 * alert goes to the most precise place it names (device, then road link,
 * then district).
 */
import type { Alert, WallTarget } from '@protocol';
import type { DrillTarget } from '../drill/drill-target';

/** The drill target of a push, or null for an alert this client does not hold. */
export function drillTargetOf(target: WallTarget, alertById: (id: string) => Alert | undefined): DrillTarget | null {
  if (!('alertId' in target)) return target.level === 'city' ? { level: 'city' } : { level: target.level, id: target.id! };
  const alert = alertById(target.alertId);
  if (!alert) return null;
  if (alert.deviceId) return { level: 'device', id: alert.deviceId };
  if (alert.linkId) return { level: 'link', id: alert.linkId };
  return { level: 'district', id: alert.districtId };
}
