/**
 * The bridge's tokens: those of the config file (stored hashed), or, in demo
 * mode (none configured), fresh ones issued at every start.
 */
import type { Role } from '../protocol';
import { TokenRegistry, issueDemoTokens } from '../auth/token-registry';
import type { TokenConfig } from './bridge-config';

export interface TokenSetup {
  registry: TokenRegistry;
  /** The tokens issued in demo mode, in clear, for the start-up URLs; null when the config lists tokens. */
  demoTokens: Record<Role, string> | null;
}

export function setUpTokens(configured: readonly TokenConfig[]): TokenSetup {
  const registry = new TokenRegistry();
  if (configured.length === 0) return { registry, demoTokens: issueDemoTokens(registry) };
  configured.forEach(({ role, sha256 }, index) => {
    try {
      registry.addHashed(sha256, role);
    } catch (error) {
      throw new Error(`tokens[${index}]: ${(error as Error).message}`);
    }
  });
  return { registry, demoTokens: null };
}
