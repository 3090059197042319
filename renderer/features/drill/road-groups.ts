/**
 * Roads as people name them: every link that carries the same name (both
 * directions, every block) is one road. The search offers a road once and
 * the map highlights all of its links together; its longest link stands for
 * it where one link's figures are shown.
 */
import type { RoadLink } from '@protocol';

export interface Road {
  /** `zh|en` of the shared name; stable for a loaded city. */
  key: string;
  name: { zh: string; en: string };
  /** Every link of the road, in the city's link order. */
  linkIds: readonly string[];
  /** The longest link: the one whose figures the drill panel shows for the road. */
  representativeId: string;
  /** Sum of the links' lengths, metres (both directions counted). */
  lengthM: number;
}

export const roadKeyOf = (link: Pick<RoadLink, 'name'>): string => `${link.name.zh}|${link.name.en}`;

/** Groups a city's links into roads by name, in the order each road first appears. */
export function groupRoads(links: readonly RoadLink[]): Map<string, Road> {
  const building = new Map<string, { name: Road['name']; linkIds: string[]; longest: RoadLink; lengthM: number }>();
  for (const link of links) {
    const key = roadKeyOf(link);
    const road = building.get(key);
    if (!road) {
      building.set(key, { name: link.name, linkIds: [link.id], longest: link, lengthM: link.lengthM });
      continue;
    }
    road.linkIds.push(link.id);
    road.lengthM += link.lengthM;
    if (link.lengthM > road.longest.lengthM) road.longest = link;
  }
  const roads = new Map<string, Road>();
  for (const [key, road] of building) {
    roads.set(key, { key, name: road.name, linkIds: road.linkIds, representativeId: road.longest.id, lengthM: road.lengthM });
  }
  return roads;
}
