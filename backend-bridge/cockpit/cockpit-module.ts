/**
 * The leadership cockpit in the bridge: it serves the cockpit's settings.
 * Its figures come from the modules that own them (traffic, alerts, the
 * wall's hourly city figures).
 */
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import { cockpitSettingsRoute } from './cockpit-settings-endpoint';

export function createCockpitModule(context: BridgeModuleContext): BridgeModule {
  return { name: 'cockpit', routes: [cockpitSettingsRoute(context.options.cockpit)] };
}
