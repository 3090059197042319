/**
 * Runs a real bridge in the test process: the generated demo city, demo
 * tokens and the built renderer from dist/renderer, on a free loopback port.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDemoCity } from '../../backend-bridge/city/demo-city';
import { TokenRegistry, issueDemoTokens } from '../../backend-bridge/auth/token-registry';
import { BRIDGE_DEFAULTS } from '../../backend-bridge/core/bridge-options';
import { type RunningBridge, startBridge } from '../../backend-bridge/app/start-bridge';
import type { Role } from '../../backend-bridge/protocol';
import { SimulatorSource } from '../../backend-bridge/sources/simulator/simulator-source';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface DemoBridge extends RunningBridge {
  tokens: Record<Role, string>;
  source: SimulatorSource;
}

export async function startDemoBridge(): Promise<DemoBridge> {
  if (!existsSync(`${RENDERER_DIR}/index.html`)) {
    throw new Error(`no built renderer in ${RENDERER_DIR}: run \`npm run build\` before the end-to-end tests`);
  }
  const registry = new TokenRegistry();
  const tokens = issueDemoTokens(registry);
  const city = generateDemoCity();
  const source = new SimulatorSource(city, { sim: { seed: city.meta.seed ?? 0 } });
  const bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port: 0,
    rendererDir: RENDERER_DIR,
    city,
    tokens: registry,
    source,
  });
  return Object.assign(bridge, { tokens, source });
}
