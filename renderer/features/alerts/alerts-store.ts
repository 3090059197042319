/**
 * The alert stream as the UI sees it: each alert once, in its newest state,
 * whatever the bridge sends twice or out of order (the protocol's reducers
 * decide), the resume point for the next hello, the queue's filter, sort and
 * selection, the operator's actions, and the alarm for severe arrivals.
 */
import {
  type Alert,
  type AlertAction,
  type AlertStreamState,
  EMPTY_ALERT_STREAM,
  alertResumeOf,
  alertStreamHasGap,
  applyAlertEvent,
  applyAlertSnapshot,
  mayCommand,
} from '@protocol';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useConnectionStore } from '../connection/connection-store';
import { type CommandProblem, toCommandProblem } from '../connection/command-problem';
import { type AlarmReason, alarmReason } from './alert-alarm';
import { type AlertFilter, DEFAULT_ALERT_FILTER, countAlerts, filterAlerts } from './alert-filters';
import { type AlertSort, DEFAULT_ALERT_SORT, sortAlerts } from './alert-sorting';

/** An action the bridge (or the link to it) refused, for the alert it was meant for. */
export interface AlertActionProblem extends CommandProblem {
  alertId: string;
  action: AlertAction;
}

/** A severe arrival or an escalation, for the flash and the sound; `count` tells one alarm from the next. */
export interface AlertAlarm {
  alertId: string;
  reason: AlarmReason;
  count: number;
}

export interface AlertActionRequest {
  alertId: string;
  action: AlertAction;
  /** Why, in the operator's words; required by the bridge (1–500 characters). */
  note: string;
  /** Unit or person sent; only with `dispatch`. */
  assignee?: string;
}

export const useAlertsStore = defineStore('alerts', () => {
  const connection = useConnectionStore();

  /** The reducer's state; replaced, never mutated, on every applied message. */
  const stream = shallowRef<AlertStreamState>(EMPTY_ALERT_STREAM);
  const filter = ref<AlertFilter>({ ...DEFAULT_ALERT_FILTER });
  const sort = ref<AlertSort>({ ...DEFAULT_ALERT_SORT });
  const selectedId = ref<string | null>(null);
  /** The alert an action is in flight for; one at a time, as the drawer offers. */
  const pendingAlertId = ref<string | null>(null);
  const actionProblem = ref<AlertActionProblem | null>(null);
  const alarm = ref<AlertAlarm | null>(null);

  const alerts = computed<Alert[]>(() => [...stream.value.alerts.values()]);
  /** What the queue lists, in its order. */
  const queue = computed(() => sortAlerts(filterAlerts(alerts.value, filter.value), sort.value));
  const counts = computed(() => countAlerts(stream.value.alerts.values()));
  const selected = computed(() => (selectedId.value === null ? null : (stream.value.alerts.get(selectedId.value) ?? null)));
  const lastSeq = computed(() => stream.value.lastSeq);
  const streamId = computed(() => stream.value.streamId);
  /** An event went missing on this connection; the next reconnect's resume asks for it. */
  const hasGap = computed(() => alertStreamHasGap(stream.value));
  /** Operators and admins may act; a viewer's drawer is read-only (the bridge refuses them anyway). */
  const canAct = computed(() => mayCommand(connection.role));

  connection.setResumeProvider(() => alertResumeOf(stream.value));
  connection.onMessage('alert-snapshot', (snapshot) => {
    stream.value = applyAlertSnapshot(stream.value, snapshot);
  });
  connection.onMessage('alert-event', (event) => {
    const previous = stream.value.alerts.get(event.alert.id);
    const next = applyAlertEvent(stream.value, event);
    if (next === stream.value) return;
    stream.value = next;
    // Only an event that moved the alert forward may raise the alarm: a late, older state must not.
    if (next.alerts.get(event.alert.id) !== event.alert) return;
    const reason = alarmReason(previous, event.alert);
    if (reason) alarm.value = { alertId: event.alert.id, reason, count: (alarm.value?.count ?? 0) + 1 };
  });

  function select(alertId: string | null): void {
    selectedId.value = alertId;
    if (actionProblem.value?.alertId !== alertId) actionProblem.value = null;
  }

  function setFilter(patch: Partial<AlertFilter>): void {
    filter.value = { ...filter.value, ...patch };
  }

  function sortBy(key: AlertSort['key']): void {
    sort.value = sort.value.key === key ? { key, reversed: !sort.value.reversed } : { key, reversed: false };
  }

  /**
   * Sends one lifecycle action. Resolves true once the bridge accepted it
   * (the new state then arrives as an alert event, like everyone else's);
   * false when it was refused, with the reason in `actionProblem`.
   */
  async function act(request: AlertActionRequest): Promise<boolean> {
    actionProblem.value = null;
    pendingAlertId.value = request.alertId;
    try {
      await connection.sendCommand({
        type: 'alert-action',
        alertId: request.alertId,
        action: request.action,
        note: request.note,
        ...(request.assignee !== undefined && { assignee: request.assignee }),
      });
      return true;
    } catch (error) {
      actionProblem.value = { alertId: request.alertId, action: request.action, ...toCommandProblem(error) };
      return false;
    } finally {
      pendingAlertId.value = null;
    }
  }

  return {
    stream,
    filter,
    sort,
    selectedId,
    pendingAlertId,
    actionProblem,
    alarm,
    alerts,
    queue,
    counts,
    selected,
    lastSeq,
    streamId,
    hasGap,
    canAct,
    select,
    setFilter,
    sortBy,
    act,
  };
});
