/**
 * Lookups over the static city that every level's figures need, built once:
 * entities by id, each district's links, nodes and devices, each node's
 * incoming links, and the free-flow speed an empty area shows.
 */
import type { CityModel } from '../city/city-model';
import type { Device, District, RoadLink, RoadNode } from '../protocol';

export class CityIndex {
  readonly districtById = new Map<string, District>();
  readonly nodeById = new Map<string, RoadNode>();
  readonly deviceById = new Map<string, Device>();
  /** Index into `meta.links` (and every LinkTraffic array) by link id. */
  readonly linkIndexById = new Map<string, number>();
  /** Indices of the links entering each node, by node id. */
  readonly inLinksOfNode = new Map<string, number[]>();
  /** Indices of each district's links, by district id. */
  readonly linksOfDistrict = new Map<string, number[]>();
  readonly nodesOfDistrict = new Map<string, RoadNode[]>();
  readonly devicesOfDistrict = new Map<string, Device[]>();
  /** Length-weighted free-flow speed of each district's links, km/h; what an area shows before any traffic. */
  readonly freeSpeedKmhOfDistrict = new Map<string, number>();
  /** Length-weighted free-flow speed of every link, km/h. */
  readonly cityFreeSpeedKmh: number;

  constructor(readonly city: CityModel) {
    const { meta } = city;
    for (const district of meta.districts) {
      this.districtById.set(district.id, district);
      this.linksOfDistrict.set(district.id, []);
      this.nodesOfDistrict.set(district.id, []);
      this.devicesOfDistrict.set(district.id, []);
    }
    for (const node of meta.nodes) {
      this.nodeById.set(node.id, node);
      this.inLinksOfNode.set(node.id, []);
      this.nodesOfDistrict.get(node.districtId)?.push(node);
    }
    meta.links.forEach((link, index) => {
      this.linkIndexById.set(link.id, index);
      this.inLinksOfNode.get(link.toNodeId)?.push(index);
      this.linksOfDistrict.get(link.districtId)?.push(index);
    });
    for (const device of meta.devices) {
      this.deviceById.set(device.id, device);
      this.devicesOfDistrict.get(device.districtId)?.push(device);
    }
    for (const [districtId, links] of this.linksOfDistrict) {
      this.freeSpeedKmhOfDistrict.set(districtId, lengthWeightedFreeSpeedKmh(links.map((i) => meta.links[i]!)));
    }
    this.cityFreeSpeedKmh = lengthWeightedFreeSpeedKmh(meta.links);
  }

  link(index: number): RoadLink {
    return this.city.meta.links[index]!;
  }
}

function lengthWeightedFreeSpeedKmh(links: readonly RoadLink[]): number {
  const lengthM = links.reduce((sum, link) => sum + link.lengthM, 0);
  return lengthM > 0 ? links.reduce((sum, link) => sum + link.freeSpeedKmh * link.lengthM, 0) / lengthM : 0;
}
