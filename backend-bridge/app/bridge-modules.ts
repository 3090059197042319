/**
 * The bridge's modules, in the order they see each live event and each new
 * client: the recorder first (a line is on disk before anyone acts on the
 * event), then traffic (a new client's snapshot before any catch-up), then
 * alerts and the features that read them.
 */
import { type AlertsModule, createAlertsModule } from '../alerts/alerts-module';
import { createDevicesModule } from '../auth/devices-module';
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import { createCockpitModule } from '../cockpit/cockpit-module';
import { createDrillModule } from '../drill/drill-module';
import { createSignalModule } from '../signals/signal-module';
import { createSourceModule } from '../sources/source-module';
import { createRecorderModule } from '../sources/replay/recorder-module';
import { createTrafficModule } from '../traffic/traffic-module';
import type { WallLayout } from '../protocol/wall-layout';
import { createWallModule } from '../wall/wall-module';

export interface BridgeModules {
  /** Every module, in order. */
  all: BridgeModule[];
  /** The alert stream, which the bridge hands to its embedder (tests, benches). */
  alerts: AlertsModule;
}

export interface ServedCity {
  /** The served city's content version, which a recording is keyed by. */
  cityVersion: string;
  /** The wall layout, read and checked before anything started. */
  wallLayout: WallLayout;
}

export function createBridgeModules(context: BridgeModuleContext, { cityVersion, wallLayout }: ServedCity): BridgeModules {
  const { recordFile } = context.options;
  const recorder = recordFile === null ? [] : [createRecorderModule(context, recordFile, cityVersion)];
  const alerts = createAlertsModule(context);
  const signals = createSignalModule(context);
  return {
    all: [
      ...recorder,
      createTrafficModule(context),
      alerts,
      signals,
      createDrillModule(context, alerts.service, signals.modes),
      createWallModule(context, alerts.store, wallLayout),
      createCockpitModule(context),
      createSourceModule(context),
      createDevicesModule(context),
    ],
    alerts,
  };
}
