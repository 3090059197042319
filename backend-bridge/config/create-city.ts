/**
 * Builds the city the settings ask for: the generated demo city, or a real
 * one from files.
 */
import type { CityModel } from '../city/city-model';
import { generateDemoCity } from '../city/demo-city';
import { loadCityFiles } from '../city/files/load-city-files';
import type { CityConfig } from './bridge-config';

export interface CitySetup {
  city: CityModel;
  /** Worth a line in the log each: what the city files left out. */
  warnings: string[];
  /** The photogrammetry tileset.json to serve, or null. */
  tilesetFile: string | null;
}

export function createCity(config: CityConfig): CitySetup {
  if (config.kind === 'demo') return { city: generateDemoCity(config.seed), warnings: [], tilesetFile: null };
  const { kind: _kind, ...spec } = config;
  return loadCityFiles(spec);
}
