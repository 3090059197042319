/**
 * A SUMO scenario as the bridge runs it: its `.sumocfg` read, and the city
 * built from the network it names. Every error names the file at fault and
 * the scenario, so a bad `--sumo` stops the bridge before it serves anything.
 */
import type { GeoPoint } from '../../../common/geo/local-frame';
import { type SumoNetwork, readSumoNetwork } from './network/read-sumo-network';
import { type SumoCfg, readSumoCfg } from './sumocfg';

export interface SumoScenarioSpec {
  /** The scenario's `.sumocfg`. */
  configFile: string;
  /** The city's id. @default the net file's name */
  id?: string;
  name?: { zh: string; en: string };
  /** Where a net without a projection is placed. @default 0° E, 0° N */
  origin?: GeoPoint;
  /** IANA time zone of the city. @default DEFAULT_CITY_TIME_ZONE */
  timeZone?: string;
  /** GeoJSON districts. @default a grid over the net */
  districtsFile?: string;
  /** Buildings from a `.poly.xml`. @default the first additional file named `*.poly.xml`, else none */
  polyFile?: string;
  /** Side of a grid district, metres. @default 1000 */
  gridCellM?: number;
}

export interface SumoScenario {
  cfg: SumoCfg;
  network: SumoNetwork;
}

export class SumoScenarioError extends Error {
  override name = 'SumoScenarioError';
}

export function loadSumoScenario(spec: SumoScenarioSpec): SumoScenario {
  const { configFile, polyFile, ...city } = spec;
  const cfg = failNaming(configFile, () => readSumoCfg(configFile));
  const polys = polyFile ?? cfg.additionalFiles.find((file) => file.endsWith('.poly.xml'));
  const network = failNaming(configFile, () =>
    readSumoNetwork({
      netFile: cfg.netFile,
      ...(city.id !== undefined && { id: city.id }),
      ...(city.name !== undefined && { name: city.name }),
      ...(city.origin !== undefined && { origin: city.origin }),
      ...(city.timeZone !== undefined && { timeZone: city.timeZone }),
      ...(city.districtsFile !== undefined && { districtsFile: city.districtsFile }),
      ...(polys !== undefined && { polyFile: polys }),
      ...(city.gridCellM !== undefined && { gridCellM: city.gridCellM }),
    }),
  );
  return { cfg, network };
}

function failNaming<T>(configFile: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new SumoScenarioError(`SUMO scenario ${configFile}: ${(error as Error).message}`);
  }
}
