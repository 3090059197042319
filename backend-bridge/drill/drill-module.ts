/**
 * Drill-down detail in the bridge (issue 5): per-level figures and the
 * subscriptions that decide which client receives which entity's detail.
 *
 * `subscribe-detail` answers with the entity's figures at once and the
 * session then receives a fresh `detail` with every area-traffic report of
 * the source (about once a second), until it subscribes to another entity,
 * unsubscribes or closes. An unknown id is refused with `not-found` and the
 * session keeps what it followed before.
 */
import type { AlertService } from '../alerts/alert-service';
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import type { Session } from '../core/session';
import type { SignalModes } from '../sources/signal-access';
import { CityIndex } from './city-index';
import { detailFigures } from './detail-figures';
import { DetailSubscriptions } from './detail-subscriptions';
import { DrillState } from './drill-state';

export function createDrillModule(context: BridgeModuleContext, alerts: AlertService, modes: SignalModes): BridgeModule {
  const state = new DrillState(new CityIndex(context.city));
  const subscriptions = new DetailSubscriptions<Session>();
  // Read once per push and shared by every entity computed in it.
  const inputs = () => state.inputs(alerts.openAlerts(), context.source.signals, modes);

  return {
    name: 'drill',
    events: {
      linkTraffic: (traffic) => state.linkTraffic(traffic),
      clock: (clock) => state.clock(clock),
      devices: (updates) => state.devices(updates),
      areaTraffic: (area) => {
        state.areaTraffic(area);
        if (subscriptions.size === 0) return;
        const now = inputs();
        subscriptions.push(
          area.simTimeMs,
          (target) => detailFigures(now, target.level, target.entityId),
          (target, error) =>
            context.log.error(`drill: figures of ${target.level} ${target.entityId ?? ''} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
        );
      },
    },
    onClientClosed: (session) => subscriptions.unsubscribe(session),
    queries: {
      'subscribe-detail': (query, session) => {
        const target = { level: query.level, ...(query.entityId !== undefined && { entityId: query.entityId }) };
        const figures = detailFigures(inputs(), target.level, target.entityId);
        subscriptions.subscribe(session, target);
        return { type: 'detail', requestId: query.id, simTimeMs: state.simTimeMs, figures };
      },
      'unsubscribe-detail': (_query, session) => subscriptions.unsubscribe(session),
    },
    health: () => ({ subscriptions: subscriptions.countsByLevel() }),
  };
}
