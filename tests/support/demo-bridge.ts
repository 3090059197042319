/**
 * Runs a real bridge in the test process: the generated demo city, demo
 * tokens and the built renderer from dist/renderer, on a free loopback port.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDemoCity } from '../../backend-bridge/city/demo-city';
import { TokenRegistry, issueDemoTokens } from '../../backend-bridge/server/auth';
import { BRIDGE_DEFAULTS } from '../../backend-bridge/server/bridge-options';
import { type RunningBridge, startBridge } from '../../backend-bridge/server/bridge-server';
import type { Role } from '../../backend-bridge/protocol';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface DemoBridge extends RunningBridge {
  tokens: Record<Role, string>;
}

export async function startDemoBridge(): Promise<DemoBridge> {
  if (!existsSync(`${RENDERER_DIR}/index.html`)) {
    throw new Error(`no built renderer in ${RENDERER_DIR}: run \`npm run build\` before the end-to-end tests`);
  }
  const registry = new TokenRegistry();
  const tokens = issueDemoTokens(registry);
  const bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port: 0,
    rendererDir: RENDERER_DIR,
    city: generateDemoCity(),
    tokens: registry,
  });
  return Object.assign(bridge, { tokens });
}
