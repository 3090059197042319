/**
 * Signal-timing control in the bridge (issue 8): plan history, apply and
 * rollback with audit, adaptive mode, measured effect.
 */
import type { BridgeModule, BridgeModuleContext } from '../server/bridge-module';
import type { SignalModes } from '../sources/signal-access';

export interface SignalModule extends BridgeModule {
  readonly modes: SignalModes;
}

export function createSignalModule(_context: BridgeModuleContext): SignalModule {
  return { name: 'signals', modes: { modeOf: () => 'fixed' } };
}
