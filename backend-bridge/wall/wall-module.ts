/**
 * The video wall in the bridge (issue 6): push-to-wall from a console to
 * every wall screen.
 */
import type { BridgeModule, BridgeModuleContext } from '../server/bridge-module';

export function createWallModule(_context: BridgeModuleContext): BridgeModule {
  return { name: 'wall' };
}
