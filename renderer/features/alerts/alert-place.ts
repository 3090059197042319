/**
 * Where the drill-down goes when an alert is opened, so the breadcrumb and
 * the figures beside the map show the alert's place while the map flies
 * there: its device, else its road link, else the intersection at it, else
 * its district.
 */
import { type Alert, alertAreaCentre } from '@protocol';
import type { CityLookup } from '../drill/city-lookup';
import { CITY_TARGET, type DrillTarget } from '../drill/drill-target';
import { nearestIntersection } from '../drill/place-naming';

export function alertDrillTarget(lookup: CityLookup, alert: Alert): DrillTarget {
  if (alert.deviceId !== undefined && lookup.devices.has(alert.deviceId)) return { level: 'device', id: alert.deviceId };
  if (alert.linkId !== undefined && lookup.links.has(alert.linkId)) return { level: 'link', id: alert.linkId };
  const [xM, yM] = alertAreaCentre(alert.area);
  const nodeId = nearestIntersection(lookup, xM, yM);
  if (nodeId !== null) return { level: 'intersection', id: nodeId };
  return lookup.districts.has(alert.districtId) ? { level: 'district', id: alert.districtId } : CITY_TARGET;
}
