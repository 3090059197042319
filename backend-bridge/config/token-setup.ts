/**
 * The bridge's tokens: those of the config file (stored hashed), or, in demo
 * mode (none configured), links printed at start and kept hashed in the
 * database (see issueDemoLinks, called once the bridge has opened it).
 */
import { TokenRegistry } from '../auth/token-registry';
import type { TokenConfig } from './bridge-config';

export interface TokenSetup {
  registry: TokenRegistry;
  /** Demo mode: the config lists no tokens, so the bridge issues and prints its own links. */
  demo: boolean;
}

export function setUpTokens(configured: readonly TokenConfig[]): TokenSetup {
  const registry = new TokenRegistry();
  if (configured.length === 0) return { registry, demo: true };
  configured.forEach(({ role, sha256 }, index) => {
    try {
      registry.addHashed(sha256, role);
    } catch (error) {
      throw new Error(`tokens[${index}]: ${(error as Error).message}`);
    }
  });
  return { registry, demo: false };
}
