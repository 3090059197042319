/**
 * The alert stream's one writer. Sources raise alerts, operators act on
 * them, escalation and correlation add their own changes; every change is
 * stored (with the next sequence number, in one transaction) before anyone
 * hears of it, and then handed to `onStored` in sequence order.
 */
import { randomUUID } from 'node:crypto';
import { type Alert, alertAreaCentre, isOpenAlertStatus } from '../protocol/alerts';
import type { AlertStore, UnsequencedAlert } from '../store/alert-store';
import type { AuditEntry } from '../store/audit-log';
import {
  type CorrelationOptions,
  type CorrelationSignal,
  type OpenRiskPoint,
  findRiskCluster,
  isCorrelatedKind,
  signalsInWindow,
} from './correlation';
import { EscalationSchedule } from './escalation-schedule';
import {
  type AlertActionRequest,
  AlertActionError,
  type AlertActor,
  type AlertDraft,
  applyAlertAction,
  escalateAlert,
  raiseAlert,
} from './lifecycle';
import { riskPointDraft } from './risk-point';

export interface AlertServiceOptions {
  store: AlertStore;
  /** How long a Severe or Extreme alert may stay unacknowledged before it escalates, wall ms. @default 120_000 */
  escalateAfterMs: number;
  correlation: CorrelationOptions;
  /** The district containing a point, or null; a risk point outside every district takes its trigger's. */
  districtAt: (xM: number, yM: number) => string | null;
  /** Told of every batch of stored alert states, in sequence order, right after the commit. */
  onStored: (alerts: readonly Alert[]) => void;
  /** Told of a failure the service survives: an escalation it will retry, or an `onStored` listener that threw. */
  onError: (error: unknown) => void;
  /** Wall clock, ms since the epoch. @default Date.now */
  now?: () => number;
  /** New alert ids. @default randomUUID */
  newId?: () => string;
}

const CORRELATION_ACTOR: AlertActor = { role: 'system', label: 'correlation' };

export class AlertService {
  /** Every open alert's newest state, by id. */
  private readonly open = new Map<string, Alert>();
  /** The open risk points, by id: a cluster they cover raises no second one. */
  private readonly openRiskPoints = new Map<string, OpenRiskPoint>();
  /** Recent correlated alerts; those outside the window are dropped now and then (correlation skips them anyway). */
  private signals: CorrelationSignal[] = [];
  /** How many signals the last pruning kept: the next one runs when the list has doubled. */
  private signalsKept = 0;
  private readonly escalation: EscalationSchedule;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: AlertServiceOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.escalation = new EscalationSchedule(
      options.escalateAfterMs,
      this.now,
      (ids) => this.escalate(ids),
      options.onError,
    );
    // Open alerts from before a restart keep escalating and correlating.
    const open = options.store.openAlerts();
    for (const alert of open) this.remember(alert);
    this.signals = open.map(signalOf).filter((signal): signal is CorrelationSignal => signal !== null);
  }

  /** Open alerts now. */
  get openCount(): number {
    return this.open.size;
  }

  /** The open alerts, as stored; read only. */
  openAlerts(): readonly Alert[] {
    return [...this.open.values()];
  }

  /**
   * Raises a new alert (and the risk point it completes, if any) in one
   * transaction, with the audit entry when one is given. Returns the stored alert.
   */
  raise(draft: AlertDraft, actor: AlertActor, audit?: AuditEntry): Alert {
    const nowMs = this.now();
    const alert = raiseAlert(draft, this.newId(), actor, nowMs);
    const signal = signalOf(alert);
    const riskPoint = signal && this.riskPointFor(signal, draft.districtId, nowMs);
    const [stored] = this.commit(riskPoint ? [alert, riskPoint] : [alert], audit);
    if (signal) this.addSignal(signal);
    return stored!;
  }

  /** Carries out an operator's action, with its audit entry in the same transaction. Throws AlertActionError. */
  act(request: AlertActionRequest, actor: AlertActor, audit: AuditEntry): Alert {
    const alert = this.open.get(request.alertId) ?? this.options.store.get(request.alertId);
    if (!alert) throw new AlertActionError('not-found', `no alert with id ${JSON.stringify(request.alertId)}`);
    return this.commit([applyAlertAction(alert, request, actor, this.now())], audit)[0]!;
  }

  /** Stops the escalation timer; the store stays open for its owner to close. */
  stop(): void {
    this.escalation.stop();
  }

  private riskPointFor(trigger: CorrelationSignal, fallbackDistrictId: string, nowMs: number) {
    const cluster = findRiskCluster(trigger, this.signals, [...this.openRiskPoints.values()], this.options.correlation);
    if (!cluster) return null;
    const districtId = this.options.districtAt(...cluster.centreM) ?? fallbackDistrictId;
    const draft = riskPointDraft(cluster, districtId, trigger.simTimeMs, this.options.correlation.windowMs);
    return raiseAlert(draft, this.newId(), CORRELATION_ACTOR, nowMs);
  }

  private addSignal(signal: CorrelationSignal): void {
    this.signals.push(signal);
    if (this.signals.length < 2 * this.signalsKept + 64) return;
    this.signals = signalsInWindow(this.signals, signal.simTimeMs, this.options.correlation.windowMs);
    this.signalsKept = this.signals.length;
  }

  private escalate(ids: readonly string[]): void {
    const nowMs = this.now();
    const due = ids.map((id) => this.open.get(id)).filter((alert): alert is Alert => alert !== undefined);
    if (due.length > 0) this.commit(due.map((alert) => escalateAlert(alert, nowMs)));
  }

  private commit(states: UnsequencedAlert[], audit?: AuditEntry): Alert[] {
    const stored = this.options.store.append(states, this.now(), audit);
    for (const alert of stored) this.remember(alert);
    try {
      this.options.onStored(stored);
    } catch (error) {
      // Stored is stored: a failing listener must not make the caller think otherwise (and retry into a duplicate).
      this.options.onError(error);
    }
    return stored;
  }

  private remember(alert: Alert): void {
    const open = isOpenAlertStatus(alert.status);
    if (open) this.open.set(alert.id, alert);
    else this.open.delete(alert.id);
    if (alert.kind === 'risk-point' && open) {
      const [xM, yM] = alertAreaCentre(alert.area);
      this.openRiskPoints.set(alert.id, { xM, yM, linkedAlertIds: alert.linkedAlertIds });
    } else this.openRiskPoints.delete(alert.id);
    this.escalation.track(alert);
  }
}

function signalOf(alert: UnsequencedAlert): CorrelationSignal | null {
  if (!isCorrelatedKind(alert.kind)) return null;
  const [xM, yM] = alertAreaCentre(alert.area);
  return { id: alert.id, kind: alert.kind, xM, yM, simTimeMs: alert.simTimeMs };
}
