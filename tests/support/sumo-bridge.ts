/**
 * A bridge set up from `--sumo` as the command line does it (settings, city
 * from the network, source) on a SUMO scenario a test made, for the e2e tests
 * that run the console against a real SUMO.
 */
import { TokenRegistry, issueDemoTokens } from '../../backend-bridge/auth/token-registry';
import { type RunningBridge, startBridge } from '../../backend-bridge/app/start-bridge';
import type { CityModel } from '../../backend-bridge/city/city-model';
import { parseCliOptions } from '../../backend-bridge/config/cli-options';
import { createCity } from '../../backend-bridge/config/create-city';
import { createSource } from '../../backend-bridge/config/create-source';
import { resolveSettings } from '../../backend-bridge/config/resolve-settings';
import { BRIDGE_DEFAULTS } from '../../backend-bridge/core/bridge-options';
import { createLogger } from '../../backend-bridge/core/log';
import type { LiveSource } from '../../backend-bridge/sources/live-source';
import { RENDERER_DIR } from './demo-bridge';

export interface SumoBridge {
  bridge: RunningBridge;
  city: CityModel;
  source: LiveSource;
  tokens: ReturnType<typeof issueDemoTokens>;
}

/** The city is named "SUMO grid" and kept in Berlin's time zone, as a RESCO net would be. */
export async function startSumoBridge(configFile: string): Promise<SumoBridge> {
  const settings = resolveSettings(
    { source: { kind: 'sumo', config: configFile, id: 'sumo-grid', name: { zh: '网格', en: 'SUMO grid' }, timeZone: 'Europe/Berlin' } },
    parseCliOptions(['--sumo', configFile]),
    process.cwd(),
  );
  const { city } = createCity(settings.city);
  const registry = new TokenRegistry();
  const tokens = issueDemoTokens(registry);
  const source = createSource({ source: settings.source, city, cityVersion: () => 'sumo-e2e', log: createLogger('sumo-e2e') });
  const bridge = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: RENDERER_DIR, city, tokens: registry, source, demoAlertsPerHour: 0 });
  return { bridge, city, source, tokens };
}
