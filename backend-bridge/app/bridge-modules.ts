/**
 * The bridge's feature modules, built in dependency order: the drill-down
 * reads which signals run adaptive from the signal module.
 */
import { createDrillModule } from '../drill/drill-module';
import { createSignalModule } from '../signals/signal-module';
import { createSourceHealthModule } from '../sources/source-health-module';
import { createWallModule } from '../wall/wall-module';
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';

export function createBridgeModules(context: BridgeModuleContext): BridgeModule[] {
  const signals = createSignalModule(context);
  return [signals, createDrillModule(context, signals.modes), createWallModule(context), createSourceHealthModule(context)];
}
