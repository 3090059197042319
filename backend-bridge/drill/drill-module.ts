/**
 * Drill-down detail in the bridge (issue 5): per-level figures and the
 * subscriptions that decide which client receives which entity's detail.
 */
import type { BridgeModule, BridgeModuleContext } from '../server/bridge-module';
import type { SignalModes } from '../sources/signal-access';

export function createDrillModule(_context: BridgeModuleContext, _modes: SignalModes): BridgeModule {
  return { name: 'drill' };
}
