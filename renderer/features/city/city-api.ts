/**
 * Fetches the static city from the bridge and validates every file before
 * anything uses it. `version` is the city version from `welcome`; it busts
 * caches when the bridge serves another city.
 */
import { type Buildings, type CityMeta, type LinkShapes, checkCityMeta, decodeBuildings, decodeLinkShapes } from '@protocol';

export interface CityData {
  meta: CityMeta;
  buildings: Buildings;
  linkShapes: LinkShapes;
}

export type CityLoadStep = 'meta' | 'buildings' | 'links';

async function fetchOk(path: string, version: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(`${path}?v=${encodeURIComponent(version)}`, signal ? { signal } : {});
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${response.statusText}`.trim());
  return response;
}

export async function fetchCity(
  version: string,
  onStep: (step: CityLoadStep, done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<CityData> {
  onStep('meta', 0, 3);
  const meta = checkCityMeta(await (await fetchOk('/city/meta.json', version, signal)).json());
  onStep('buildings', 1, 3);
  const buildings = decodeBuildings(await (await fetchOk('/city/buildings.bin', version, signal)).arrayBuffer(), meta.buildingCount);
  onStep('links', 2, 3);
  const linkShapes = decodeLinkShapes(await (await fetchOk('/city/links.bin', version, signal)).arrayBuffer(), meta.links.length);
  return { meta, buildings, linkShapes };
}
