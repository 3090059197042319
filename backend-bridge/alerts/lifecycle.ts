/**
 * The alert lifecycle as pure functions: raising an alert from a source's
 * draft, an operator's action, and escalation. Each returns the alert's next
 * state (without a sequence number; the store assigns it) and appends one
 * history entry saying who did what, when, and why.
 */
import {
  ALERT_TRANSITIONS,
  type Alert,
  type AlertAction,
  type AlertHistoryEntry,
  ESCALATING_SEVERITIES,
  allowedAlertActions,
  isOpenAlertStatus,
  nextAlertStatus,
} from '../protocol/alerts';
import type { UnsequencedAlert } from '../store/alert-store';
import { RequestError } from '../core/request-error';

export type AlertActor = AlertHistoryEntry['actor'];

/**
 * What a source says about a new alert; the bridge adds the id, status,
 * history and wall times.
 */
export type AlertDraft = Omit<
  UnsequencedAlert,
  'id' | 'status' | 'history' | 'sentAtMs' | 'acknowledgedAtMs' | 'resolvedAtMs' | 'escalatedAtMs' | 'assignee'
>;

/** An operator's action on one alert, as checked by the protocol. */
export interface AlertActionRequest {
  alertId: string;
  action: AlertAction;
  /** 1–500 characters. */
  note: string;
  /** Only with `dispatch`. */
  assignee?: string;
}

/** An action the lifecycle does not allow, or on an alert that does not exist; `code` is the client's error code. */
export class AlertActionError extends RequestError {
  override name = 'AlertActionError';
  constructor(code: 'not-found' | 'rejected', message: string) {
    super(code, message);
  }
}

/** A new alert: status `new`, raised now by `actor`. */
export function raiseAlert(draft: AlertDraft, id: string, actor: AlertActor, nowMs: number): UnsequencedAlert {
  return { ...draft, id, status: 'new', sentAtMs: nowMs, history: [{ atMs: nowMs, actor, action: 'raise', status: 'new' }] };
}

/** The alert after an operator's action; throws AlertActionError naming the current status when the lifecycle forbids it. */
export function applyAlertAction(alert: Alert, request: AlertActionRequest, actor: AlertActor, nowMs: number): UnsequencedAlert {
  const status = nextAlertStatus(alert.status, request.action);
  if (status === null) {
    const reason = isOpenAlertStatus(alert.status)
      ? `${request.action} is only possible from ${ALERT_TRANSITIONS[request.action].from.join(' or ')}; allowed now: ${allowedAlertActions(alert.status).join(', ')}`
      : 'a closed alert takes no more actions';
    throw new AlertActionError('rejected', `alert ${alert.id} is ${alert.status}; ${reason}`);
  }
  const { seq: _seq, ...current } = alert;
  const entry: AlertHistoryEntry = {
    atMs: nowMs,
    actor,
    action: request.action,
    status,
    note: request.note,
    ...(request.assignee !== undefined && { assignee: request.assignee }),
  };
  return {
    ...current,
    status,
    history: [...alert.history, entry],
    ...(request.action === 'acknowledge' && { acknowledgedAtMs: nowMs }),
    ...(request.assignee !== undefined && { assignee: request.assignee }),
    ...(!isOpenAlertStatus(status) && { resolvedAtMs: nowMs }),
  };
}

/** When an alert escalates if nobody acknowledges it, wall ms; null when it never does (or did already). */
export function escalationDueAtMs(alert: Alert, escalateAfterMs: number): number | null {
  if (alert.status !== 'new' || alert.escalatedAtMs !== undefined || !ESCALATING_SEVERITIES.includes(alert.severity)) return null;
  return alert.sentAtMs + escalateAfterMs;
}

/** The alert, escalated now by the bridge: the UI makes it louder and moves it to the top. */
export function escalateAlert(alert: Alert, nowMs: number): UnsequencedAlert {
  const { seq: _seq, ...current } = alert;
  const entry: AlertHistoryEntry = { atMs: nowMs, actor: { role: 'system', label: 'escalation' }, action: 'escalate', status: alert.status };
  return { ...current, escalatedAtMs: nowMs, history: [...alert.history, entry] };
}
