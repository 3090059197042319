/**
 * The devices at a place, by one rule the "devices here" list and the
 * search share: at an intersection, the devices that watch the node and the
 * detectors on the links entering it (their names carry the intersection's
 * name, so a search for it finds them); on a link or a road, the devices on
 * its links.
 */
import type { Device } from '@protocol';
import type { CityLookup } from './city-lookup';

export function devicesAtIntersection(lookup: CityLookup, nodeId: string): Device[] {
  return lookup.meta.devices.filter((device) => {
    if (device.nodeId === nodeId) return true;
    const link = device.linkId === undefined ? undefined : lookup.links.get(device.linkId);
    return link?.toNodeId === nodeId;
  });
}

export function devicesOnLinks(lookup: CityLookup, linkIds: Iterable<string>): Device[] {
  const wanted = new Set(linkIds);
  return lookup.meta.devices.filter((device) => device.linkId !== undefined && wanted.has(device.linkId));
}
