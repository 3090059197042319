/**
 * Builds the city the settings ask for: the generated demo city, a real
 * one from files, or the network of the SUMO scenario that is the source.
 */
import { basename, dirname } from 'node:path';
import type { CityModel } from '../city/city-model';
import { generateDemoCity } from '../city/demo-city';
import { loadCityFiles } from '../city/files/load-city-files';
import { TILESET_URL_PREFIX } from '../protocol';
import { sumoScenarioOf } from '../sources/sumo/sumo-kind';
import type { BridgeSettings } from './resolve-settings';

export interface CitySetup {
  city: CityModel;
  /** Worth a line in the log each: what the city files left out. */
  warnings: string[];
  /** The directory of the photogrammetry tileset to serve under TILESET_URL_PREFIX, or null. */
  tilesetDir: string | null;
}

export function createCity(config: BridgeSettings['city']): CitySetup {
  if (config.kind === 'sumo') {
    const { network } = sumoScenarioOf(config.source);
    return { city: network.city, warnings: network.warnings, tilesetDir: null };
  }
  if (config.kind === 'demo') return { city: generateDemoCity(config.seed), warnings: [], tilesetDir: null };
  const { kind: _kind, ...spec } = config;
  const { city, warnings, tilesetFile } = loadCityFiles(spec);
  if (!tilesetFile) return { city, warnings, tilesetDir: null };
  // The tileset's own relative URIs keep working because its whole directory is served as is.
  const tileset = { url: `${TILESET_URL_PREFIX}${encodeURIComponent(basename(tilesetFile))}` };
  return { city: { ...city, meta: { ...city.meta, tileset } }, warnings, tilesetDir: dirname(tilesetFile) };
}
