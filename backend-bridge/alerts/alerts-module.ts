/**
 * Alerts as a bridge module: the store and the service with escalation and
 * correlation, the stream to clients (catch-up on connect, every change
 * live), the operator's `alert-action`, the CAP endpoint, and the feeds that
 * ride on live events — the demo generator on the source's sim time, traffic
 * incidents, and field alerts a source brings.
 */
import { DistrictLocator } from '../city/district-locator';
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import { AlertStore } from '../store/alert-store';
import type { SourceAlert } from '../sources/live-source';
import { AlertFanout } from './alert-fanout';
import { AlertService } from './alert-service';
import { CapMapper } from './cap/cap-alert';
import { createCapRoute } from './cap/cap-endpoint';
import { DemoAlertGenerator } from './demo/demo-alert-generator';
import { FieldAlertDrafts } from './field-alert-drafts';
import { IncidentAlerts } from './incident-alerts';
import type { AlertActor, AlertDraft } from './lifecycle';

const DEMO_ACTOR: AlertActor = { role: 'system', label: 'demo-generator' };
const INCIDENT_ACTOR: AlertActor = { role: 'system', label: 'traffic-incidents' };
/** How often old events are pruned from the stream's log, ms. */
const PRUNE_INTERVAL_MS = 3_600_000;

export interface AlertsModule extends BridgeModule {
  /** Open alerts, raising, acting: for the modules that read alerts and for tests. */
  readonly service: AlertService;
  readonly store: AlertStore;
}

export function createAlertsModule(context: BridgeModuleContext): AlertsModule {
  const { options, city, log } = context;
  const store = new AlertStore(context.db, context.audit);
  const fanout = new AlertFanout({
    store,
    sessions: () => context.clients.readySessions(),
    maxReplayEvents: options.maxReplayEvents,
    maxBufferedAlertBytes: options.maxBufferedAlertBytes,
    log,
  });
  const locator = new DistrictLocator(city.meta.districts);
  const service = new AlertService({
    store,
    escalateAfterMs: options.escalateAfterMs,
    correlation: options.correlation,
    districtAt: (xM, yM) => city.meta.districts[locator.find(xM, yM)]?.id ?? null,
    onStored: (alerts) => fanout.publish(alerts),
    onError: (error) => log.error(`alert stream: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  // The source's clock as last reported; wall time until it reports.
  let simNowMs = Date.now();
  const capRoute = createCapRoute({
    tokens: options.tokens,
    mapper: new CapMapper(city.meta),
    alerts: service,
    audit: context.audit,
    simNow: () => simNowMs,
    maxBodyBytes: options.maxCapBytes,
    log,
  });
  const demo = options.demoAlertsPerHour > 0 ? new DemoAlertGenerator(city, { seed: city.meta.seed ?? 0, ratePerHour: options.demoAlertsPerHour }) : null;
  const incidentAlerts = new IncidentAlerts(city);
  const fieldAlerts = new FieldAlertDrafts(city.meta);

  /** Raises feed alerts; a failure is logged, not thrown into the source's loop. */
  const raiseAll = (drafts: readonly AlertDraft[], actor: AlertActor): void => {
    for (const draft of drafts) {
      try {
        service.raise(draft, actor);
      } catch (error) {
        log.error(`could not raise a ${draft.kind} alert from ${actor.label}: ${String(error)}`);
      }
    }
  };
  /**
   * Raises a field alert the source checked already; what can still fail
   * here (a CAP message received before, a store error) is logged, not
   * thrown into the source's message handler.
   */
  const raiseField = (alert: SourceAlert): void => {
    const actor: AlertActor = { role: 'system', label: `${alert.format}:${alert.channel}`.slice(0, 128) };
    try {
      service.raise(fieldAlerts.draft(alert, simNowMs), actor);
    } catch (error) {
      log.warn(`could not raise a field alert from ${alert.channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const simTime = (simTimeMs: number): void => {
    simNowMs = simTimeMs;
    if (demo) raiseAll(demo.advance(simTimeMs), DEMO_ACTOR);
  };
  const prune = (): void => {
    const pruned = store.pruneEvents(Date.now() - options.eventRetentionMs);
    if (pruned > 0) log.info(`pruned ${pruned} alert events older than ${Math.round(options.eventRetentionMs / 86_400_000)} days`);
  };
  prune();
  const pruneTimer = setInterval(prune, PRUNE_INTERVAL_MS);
  pruneTimer.unref();

  return {
    name: 'alerts',
    service,
    store,
    routes: [capRoute],
    events: {
      linkTraffic: (traffic) => simTime(traffic.simTimeMs),
      clock: (clock) => simTime(clock.simTimeMs),
      incidents: (incidents) => raiseAll(incidentAlerts.newIncidents(incidents), INCIDENT_ACTOR),
      alert: raiseField,
    },
    onClientReady: (session) => fanout.catchUp(session, session.resume),
    commands: {
      'alert-action': (command, caller, audit) => {
        const { alertId, action, note, assignee } = command;
        service.act({ alertId, action, note, ...(assignee !== undefined && { assignee }) }, caller, audit);
        return 'audited';
      },
    },
    health: () => ({ streamId: store.streamId, lastSeq: store.headSeq, open: service.openCount }),
    close: () => {
      clearInterval(pruneTimer);
      service.stop();
    },
  };
}
