/**
 * The city model indexed by id, built once per loaded city: what the
 * breadcrumb, the search and the map's picking look entities up in.
 */
import type { CityMeta, Device, District, RoadLink, RoadNode } from '@protocol';

export interface CityLookup {
  meta: CityMeta;
  districts: ReadonlyMap<string, District>;
  nodes: ReadonlyMap<string, RoadNode>;
  links: ReadonlyMap<string, RoadLink>;
  devices: ReadonlyMap<string, Device>;
}

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((item) => [item.id, item]));

export function createCityLookup(meta: CityMeta): CityLookup {
  return {
    meta,
    districts: byId(meta.districts),
    nodes: byId(meta.nodes),
    links: byId(meta.links),
    devices: byId(meta.devices),
  };
}
