/**
 * Per-district inventory derived from the city metadata, for lists and charts.
 */
import { type CityMeta, DEVICE_KINDS, type DeviceKind } from '@protocol';

export interface DistrictSummary {
  districtId: string;
  name: { zh: string; en: string };
  buildings: number;
  signalized: number;
  devices: Record<DeviceKind, number>;
}

const noDevices = (): Record<DeviceKind, number> =>
  Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, 0])) as Record<DeviceKind, number>;

/** `buildingDistrict` holds each building's district index (buildings.bin's `district`). */
export function summarizeDistricts(meta: CityMeta, buildingDistrict: ArrayLike<number>): DistrictSummary[] {
  const rows = meta.districts.map((district) => ({
    districtId: district.id,
    name: district.name,
    buildings: 0,
    signalized: 0,
    devices: noDevices(),
  }));
  const byId = new Map(rows.map((row) => [row.districtId, row]));
  for (let i = 0; i < buildingDistrict.length; i++) {
    const row = rows[buildingDistrict[i]!];
    if (row) row.buildings++;
  }
  for (const node of meta.nodes) if (node.signalized) byId.get(node.districtId)!.signalized++;
  for (const device of meta.devices) byId.get(device.districtId)!.devices[device.kind]++;
  return rows;
}
