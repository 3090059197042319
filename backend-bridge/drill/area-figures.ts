/**
 * The figures the city and district levels share: traffic now and over the
 * last hours, open alerts by severity, and how many devices are up.
 */
import type { Alert, CityDetail, Device, DeviceStatus } from '../protocol';
import type { DeviceUpdate } from '../sources/live-source';
import { countBySeverity } from './alert-rows';
import { type DrillInputs, areaNow } from './drill-inputs';

type SharedAreaFigures = Omit<CityDetail, 'level' | 'worstDistricts'>;

/**
 * The drill-down detail a city or district level shows (not the per-link traffic sums of traffic/area-figures.ts).
 * @param districtId the district, or null for the whole city
 * @param openAlerts the area's open alerts
 * @param devices the area's devices
 */
export function drillAreaFigures(inputs: DrillInputs, districtId: string | null, openAlerts: readonly Alert[], devices: readonly Device[]): SharedAreaFigures {
  const history = districtId === null ? inputs.cityHistory : inputs.districtHistory(districtId);
  return {
    ...areaNow(inputs, districtId),
    history: history.map(({ simTimeMs, travelTimeIndex, avgSpeedKmh }) => ({ simTimeMs, travelTimeIndex, avgSpeedKmh })),
    openAlertsBySeverity: countBySeverity(openAlerts),
    devices: countDevices(inputs.devices, devices),
  };
}

/** A device the source never reported on counts as offline: nobody has heard from it. */
export function deviceStatus(states: ReadonlyMap<string, DeviceUpdate>, deviceId: string): DeviceStatus {
  return states.get(deviceId)?.status ?? 'offline';
}

function countDevices(states: ReadonlyMap<string, DeviceUpdate>, devices: readonly Device[]): SharedAreaFigures['devices'] {
  const counts = { total: devices.length, online: 0, degraded: 0, offline: 0 };
  for (const device of devices) counts[deviceStatus(states, device.id)]++;
  return counts;
}
