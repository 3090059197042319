/**
 * Finds places by name (Chinese or English) or id: districts, roads,
 * intersections and devices of the loaded city. A road is one result however
 * many links it has (road-groups.ts); picking it selects the road: all its
 * links highlighted, its longest link's figures shown.
 */
import type { DrillLevel } from '@protocol';
import type { CityLookup } from './city-lookup';
import type { DrillTarget } from './drill-target';
import { type Road, groupRoads } from './road-groups';

export interface SearchEntry {
  target: DrillTarget;
  /** What the result row shows; null for an unnamed intersection (its id is shown). */
  name: { zh: string; en: string } | null;
  /** Lower-cased strings the query is matched against, names before ids. */
  names: string[];
  id: string;
  /** For a road's entry, the road; its target is the road's longest link. */
  road?: Road;
}

export interface SearchHit {
  entry: SearchEntry;
  /** Lower is better; see `matchRank`. */
  rank: number;
}

/** Results of the same rank list districts first, then roads, intersections, devices. */
const LEVEL_ORDER: Record<DrillLevel, number> = { city: 0, district: 1, link: 2, intersection: 3, device: 4 };

/** Builds the search index of a city; done once per city, not per keystroke. */
export function buildSearchIndex(lookup: CityLookup): SearchEntry[] {
  const entry = (target: DrillTarget & { id: string }, name: SearchEntry['name']): SearchEntry => ({
    target,
    name,
    names: name ? [name.zh.toLowerCase(), name.en.toLowerCase()] : [],
    id: target.id,
  });
  const entries = lookup.meta.districts.map((d) => entry({ level: 'district', id: d.id }, d.name));
  for (const road of groupRoads(lookup.meta.links).values()) {
    entries.push({ ...entry({ level: 'link', id: road.representativeId }, road.name), road });
  }
  for (const node of lookup.meta.nodes) entries.push(entry({ level: 'intersection', id: node.id }, node.name ?? null));
  for (const device of lookup.meta.devices) entries.push(entry({ level: 'device', id: device.id }, device.name));
  return entries;
}

/**
 * How well an entry matches a lower-cased query, lower is better; null for no match:
 * 0 id exactly, 1 a name exactly, 2 a name's start, 3 an id's start, 4 a word's start in a name,
 * 5 anywhere in a name, 6 anywhere in the id.
 */
export function matchRank(entry: SearchEntry, query: string): number | null {
  const id = entry.id.toLowerCase();
  if (id === query) return 0;
  if (entry.names.includes(query)) return 1;
  if (entry.names.some((name) => name.startsWith(query))) return 2;
  if (id.startsWith(query)) return 3;
  if (entry.names.some((name) => name.split(/[\s\-–·]+/).some((word) => word.startsWith(query)))) return 4;
  if (entry.names.some((name) => name.includes(query))) return 5;
  if (id.includes(query)) return 6;
  return null;
}

/** The best `limit` entries for `query` (case and surrounding space ignored); none for a blank query. */
export function searchPlaces(index: readonly SearchEntry[], query: string, limit = 8): SearchHit[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const hits: SearchHit[] = [];
  for (const entry of index) {
    const rank = matchRank(entry, needle);
    if (rank !== null) hits.push({ entry, rank });
  }
  const nameLength = (entry: SearchEntry) => entry.name?.en.length ?? entry.id.length;
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      LEVEL_ORDER[a.entry.target.level] - LEVEL_ORDER[b.entry.target.level] ||
      nameLength(a.entry) - nameLength(b.entry) ||
      a.entry.id.localeCompare(b.entry.id),
  );
  return hits.slice(0, limit);
}
