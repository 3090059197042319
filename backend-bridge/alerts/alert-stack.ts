/**
 * Everything the bridge runs for alerts, built from its options: the
 * database, the alert service with escalation and correlation, the fan-out
 * to clients, the CAP endpoint, and the feeds from the live source (demo
 * generator, traffic incidents).
 */
import type { CityModel } from '../city/city-model';
import { DistrictLocator } from '../city/district-locator';
import { AlertService } from './alert-service';
import { CapMapper } from './cap/cap-alert';
import { DemoAlertGenerator } from './demo/demo-alert-generator';
import { IncidentAlerts } from './incident-alerts';
import type { AlertActor, AlertDraft } from './lifecycle';
import { AlertStore } from '../store/alert-store';
import { AuditLog } from '../store/audit-log';
import { type BridgeDatabase, openDatabase } from '../store/database';
import { FieldAlertDrafts } from './field-alert-drafts';
import type { LiveSink, SourceAlert } from '../sources/live-source';
import { withAlertTaps } from './alert-taps';
import { AlertFanout } from './alert-fanout';
import type { BridgeOptions } from '../core/bridge-options';
import { createCapRoute } from './cap/cap-endpoint';
import type { ClientSession } from '../server/client-session';
import type { HttpRoute } from '../core/http-route';
import type { Logger } from '../core/log';

const DEMO_ACTOR: AlertActor = { role: 'system', label: 'demo-generator' };
const INCIDENT_ACTOR: AlertActor = { role: 'system', label: 'traffic-incidents' };
/** How often old events are pruned from the stream's log, ms. */
const PRUNE_INTERVAL_MS = 3_600_000;

export class AlertStack {
  readonly store: AlertStore;
  readonly service: AlertService;
  readonly fanout: AlertFanout;
  /** POST /api/alerts/cap. */
  readonly capRoute: HttpRoute;
  /** The bridge's database; other features keep their tables in it too. */
  readonly db: BridgeDatabase;
  private readonly demo: DemoAlertGenerator | null;
  private readonly incidentAlerts: IncidentAlerts;
  private readonly fieldAlerts: FieldAlertDrafts;
  private readonly pruneTimer: NodeJS.Timeout;
  /** The source's clock as last reported; wall time until it reports. */
  private simNowMs = Date.now();

  constructor(
    options: BridgeOptions,
    city: CityModel,
    sessions: () => Iterable<ClientSession>,
    private readonly log: Logger,
  ) {
    this.db = openDatabase(options.dataDir);
    this.store = new AlertStore(this.db, new AuditLog(this.db));
    this.fanout = new AlertFanout({
      store: this.store,
      sessions,
      maxReplayEvents: options.maxReplayEvents,
      maxBufferedAlertBytes: options.maxBufferedAlertBytes,
      log,
    });
    const locator = new DistrictLocator(city.meta.districts);
    this.service = new AlertService({
      store: this.store,
      escalateAfterMs: options.escalateAfterMs,
      correlation: options.correlation,
      districtAt: (xM, yM) => city.meta.districts[locator.find(xM, yM)]?.id ?? null,
      onStored: (alerts) => this.fanout.publish(alerts),
      onError: (error) => log.error(`alert stream: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    this.capRoute = createCapRoute({
      tokens: options.tokens,
      mapper: new CapMapper(city.meta),
      alerts: this.service,
      store: this.store,
      simNow: () => this.simNowMs,
      maxBodyBytes: options.maxCapBytes,
      log,
    });
    this.demo = options.demoAlertsPerHour > 0 ? new DemoAlertGenerator(city, { seed: city.meta.seed ?? 0, ratePerHour: options.demoAlertsPerHour }) : null;
    this.incidentAlerts = new IncidentAlerts(city);
    this.fieldAlerts = new FieldAlertDrafts(city.meta);
    this.prune(options.eventRetentionMs);
    this.pruneTimer = setInterval(() => this.prune(options.eventRetentionMs), PRUNE_INTERVAL_MS);
    this.pruneTimer.unref();
  }

  /** The live source's sink with the alert feeds tapped in. */
  tap(sink: LiveSink): LiveSink {
    return withAlertTaps(sink, {
      simTime: (simTimeMs) => {
        this.simNowMs = simTimeMs;
        if (this.demo) this.raiseAll(this.demo.advance(simTimeMs), DEMO_ACTOR);
      },
      incidents: (incidents) => this.raiseAll(this.incidentAlerts.newIncidents(incidents), INCIDENT_ACTOR),
      alert: (alert) => this.raiseField(alert),
    });
  }

  health(): Record<string, unknown> {
    return { streamId: this.store.streamId, lastSeq: this.store.headSeq, open: this.service.openCount };
  }

  close(): void {
    clearInterval(this.pruneTimer);
    this.service.stop();
    this.db.close();
  }

  /** Raises feed alerts; a failure is logged, not thrown into the source's loop. */
  private raiseAll(drafts: readonly AlertDraft[], actor: AlertActor): void {
    for (const draft of drafts) {
      try {
        this.service.raise(draft, actor);
      } catch (error) {
        this.log.error(`could not raise a ${draft.kind} alert from ${actor.label}: ${String(error)}`);
      }
    }
  }

  /**
   * Raises a field alert the source checked already; what can still fail
   * here (a CAP message received before, a store error) is logged, not
   * thrown into the source's message handler.
   */
  private raiseField(alert: SourceAlert): void {
    const actor: AlertActor = { role: 'system', label: `${alert.format}:${alert.channel}`.slice(0, 128) };
    try {
      this.service.raise(this.fieldAlerts.draft(alert, this.simNowMs), actor);
    } catch (error) {
      this.log.warn(`could not raise a field alert from ${alert.channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private prune(retentionMs: number): void {
    const pruned = this.store.pruneEvents(Date.now() - retentionMs);
    if (pruned > 0) this.log.info(`pruned ${pruned} alert events older than ${Math.round(retentionMs / 86_400_000)} days`);
  }
}
