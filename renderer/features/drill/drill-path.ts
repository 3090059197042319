/**
 * The breadcrumb: the chain of places from the city down to a target, derived
 * from the city model. A device sits under the intersection or link it
 * watches (when it names one), then its district; an intersection or a link
 * sits under its district.
 */
import type { DrillLevel } from '@protocol';
import type { CityLookup } from './city-lookup';
import { CITY_TARGET, type DrillTarget } from './drill-target';

/** One step of the breadcrumb. */
export interface DrillCrumb extends DrillTarget {
  /** The place's name in both languages; null where the model has none (an unnamed intersection shows its id). */
  name: { zh: string; en: string } | null;
}

/** Which entity list of the city a level's ids live in. */
export function entityExists(lookup: CityLookup, target: DrillTarget): boolean {
  if (target.level === 'city') return true;
  const id = target.id ?? '';
  const table: Record<Exclude<DrillLevel, 'city'>, ReadonlyMap<string, unknown>> = {
    district: lookup.districts,
    intersection: lookup.nodes,
    link: lookup.links,
    device: lookup.devices,
  };
  return table[target.level].has(id);
}

/** The breadcrumb from the city (first) to `target` (last); null when the target's id is not in the city. */
export function drillPath(lookup: CityLookup, target: DrillTarget): DrillCrumb[] | null {
  const city: DrillCrumb = { ...CITY_TARGET, name: lookup.meta.name };
  const district = (districtId: string): DrillCrumb[] => {
    const found = lookup.districts.get(districtId);
    return found ? [city, { level: 'district', id: found.id, name: found.name }] : [city];
  };
  const id = target.id ?? '';
  switch (target.level) {
    case 'city':
      return [city];
    case 'district':
      return lookup.districts.has(id) ? district(id) : null;
    case 'intersection': {
      const node = lookup.nodes.get(id);
      return node ? [...district(node.districtId), { level: 'intersection', id, name: node.name ?? null }] : null;
    }
    case 'link': {
      const link = lookup.links.get(id);
      return link ? [...district(link.districtId), { level: 'link', id, name: link.name }] : null;
    }
    case 'device': {
      const device = lookup.devices.get(id);
      if (!device) return null;
      const self: DrillCrumb = { level: 'device', id, name: device.name };
      const node = device.nodeId === undefined ? undefined : lookup.nodes.get(device.nodeId);
      if (node) return [...district(node.districtId), { level: 'intersection', id: node.id, name: node.name ?? null }, self];
      const link = device.linkId === undefined ? undefined : lookup.links.get(device.linkId);
      if (link) return [...district(link.districtId), { level: 'link', id: link.id, name: link.name }, self];
      return [...district(device.districtId), self];
    }
  }
}

/** The district a target lies in; null for the city or an unknown id. */
export function districtOf(lookup: CityLookup, target: DrillTarget): string | null {
  return drillPath(lookup, target)?.find((crumb) => crumb.level === 'district')?.id ?? null;
}
