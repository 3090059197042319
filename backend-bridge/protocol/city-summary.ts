/**
 * Per-district inventory of a city: buildings, signalized intersections and
 * devices by kind. Shared by the bridge and the renderer (lists, cockpit, wall).
 */
import { type CityMeta, DEVICE_KINDS, type DeviceKind } from './city';

export interface CityCounts {
  buildings: number;
  /** Signalized intersections. */
  signalized: number;
  devices: Record<DeviceKind, number>;
}

export interface DistrictCounts extends CityCounts {
  districtId: string;
  name: { zh: string; en: string };
}

export interface CitySummary {
  /** One entry per district, in the order of `meta.districts`. */
  districts: DistrictCounts[];
  /** Sums over the whole city. */
  total: CityCounts;
}

const emptyCounts = (): CityCounts => ({
  buildings: 0,
  signalized: 0,
  devices: Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, 0])) as Record<DeviceKind, number>,
});

/**
 * Counts per district; throws, naming the item, if anything refers to a
 * district that does not exist. `buildingDistrict` is buildings.bin's
 * `district` array (each building's index into `meta.districts`).
 */
export function summarizeCity(meta: CityMeta, buildingDistrict: ArrayLike<number>): CitySummary {
  const districts: DistrictCounts[] = meta.districts.map((d) => ({ districtId: d.id, name: d.name, ...emptyCounts() }));
  const byId = new Map(districts.map((d) => [d.districtId, d]));
  const districtOf = (id: string, what: string) => {
    const district = byId.get(id);
    if (!district) throw new Error(`${what} refers to unknown district ${JSON.stringify(id)}`);
    return district;
  };

  for (let i = 0; i < buildingDistrict.length; i++) {
    const index = buildingDistrict[i]!;
    const district = districts[index];
    if (!district) throw new Error(`building ${i} refers to district index ${index}, but there are ${districts.length}`);
    district.buildings++;
  }
  for (const node of meta.nodes) {
    if (node.signalized) districtOf(node.districtId, `node ${node.id}`).signalized++;
  }
  for (const device of meta.devices) districtOf(device.districtId, `device ${device.id}`).devices[device.kind]++;

  const total = emptyCounts();
  for (const d of districts) {
    total.buildings += d.buildings;
    total.signalized += d.signalized;
    for (const kind of DEVICE_KINDS) total.devices[kind] += d.devices[kind];
  }
  return { districts, total };
}
