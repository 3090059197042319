/**
 * A SUMO scenario as the bridge runs it: its `.sumocfg` read, and the city
 * built from the network it names. Every error names the file at fault and
 * the scenario, so a bad `--sumo` stops the bridge before it serves anything.
 */
import { type SumoNetwork, type SumoNetworkSpec, readSumoNetwork } from './network/read-sumo-network';
import { type SumoCfg, readSumoCfg } from './sumocfg';

/** The network's own settings (see SumoNetworkSpec) with the `.sumocfg` in place of the net file. */
export interface SumoScenarioSpec extends Omit<SumoNetworkSpec, 'netFile' | 'polyFile'> {
  /** The scenario's `.sumocfg`. */
  configFile: string;
  /** Buildings from a `.poly.xml`. @default the first additional file named `*.poly.xml`, else none */
  polyFile?: string;
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
      ...city,
      netFile: cfg.netFile,
      ...(polys !== undefined && { polyFile: polys }),
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
