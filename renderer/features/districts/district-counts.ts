/** Sums and orderings over the city store's per-district counts. */
import { DEVICE_KINDS, type DeviceKind, type DistrictCounts } from '@protocol';

export function deviceTotal(devices: Readonly<Record<DeviceKind, number>>): number {
  return DEVICE_KINDS.reduce((sum, kind) => sum + devices[kind], 0);
}

/**
 * Districts with the most devices first. Ties go by id so that the order
 * on the wall does not shuffle between redraws.
 */
export function rankByDevices<T extends DistrictCounts>(districts: readonly T[]): T[] {
  return districts
    .map((district) => ({ district, total: deviceTotal(district.devices) }))
    .sort((a, b) => b.total - a.total || compareIds(a.district.districtId, b.district.districtId))
    .map(({ district }) => district);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
