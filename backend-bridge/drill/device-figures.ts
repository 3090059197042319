/**
 * The device level: whether it is up, when it was last heard from, its
 * latest reading, the traffic on the link it measures, and its open alerts
 * (for a camera the newest of them is its last event).
 */
import type { Device, DeviceDetail } from '../protocol';
import { newestRows } from './alert-rows';
import { deviceStatus } from './area-figures';
import { type DrillInputs, linkNow } from './drill-inputs';

/**
 * Length a vehicle occupies over a loop detector: a car of about 4.5 m plus a
 * 2 m loop, metres. At the simulator's jam density of 150 veh/km/lane this
 * gives about 100 % occupancy.
 */
export const DETECTED_VEHICLE_LENGTH_M = 6.5;

/** The device's figures; the caller has checked that the device exists. */
export function deviceFigures(inputs: DrillInputs, device: Device): DeviceDetail {
  const state = inputs.devices.get(device.id);
  const status = deviceStatus(inputs.devices, device.id);
  const figures: DeviceDetail = {
    level: 'device',
    deviceId: device.id,
    districtId: device.districtId,
    status,
    alerts: newestRows(inputs.openAlerts.filter((alert) => alert.deviceId === device.id)),
  };
  if (state) figures.lastSeenAtMs = state.lastSeenAtMs;
  if (state?.reading) figures.reading = { ...state.reading };
  const linkIndex = device.linkId === undefined ? undefined : inputs.index.linkIndexById.get(device.linkId);
  // An offline device measures nothing: showing the link's traffic would pretend it does.
  if (linkIndex !== undefined && status !== 'offline') {
    const now = linkNow(inputs, linkIndex);
    figures.linkTraffic = {
      linkId: device.linkId!,
      speedKmh: now.speedKmh,
      flowVehPerH: now.flowVehPerH,
      occupancyPct: Math.min(100, (now.densityVehPerKmLane * DETECTED_VEHICLE_LENGTH_M) / 10),
    };
  }
  return figures;
}
