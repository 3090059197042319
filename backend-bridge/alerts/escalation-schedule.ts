/**
 * Wall-time schedule of escalations: one timer, armed for the earliest alert
 * due, so an idle bridge does no polling and a due alert escalates on time.
 */
import type { Alert } from '../protocol/alerts';
import { escalationDueAtMs } from './lifecycle';

/** After a failed escalation (e.g. the disk is full) the schedule tries again this much later, ms. */
export const ESCALATION_RETRY_MS = 1000;

export class EscalationSchedule {
  /** Alert id → wall ms it escalates at, for every alert that still may. */
  private readonly dueById = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private armedForMs = Infinity;

  /**
   * @param escalateAfterMs how long a severe alert may stay unacknowledged, wall ms
   * @param onDue called once with the ids that fell due (tracking an alert again schedules it afresh)
   * @param onError told when `onDue` threw; those ids are retried after ESCALATION_RETRY_MS
   */
  constructor(
    private readonly escalateAfterMs: number,
    private readonly now: () => number,
    private readonly onDue: (ids: string[]) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Takes note of an alert's new state: schedules, reschedules or forgets its escalation. */
  track(alert: Alert): void {
    const dueMs = escalationDueAtMs(alert, this.escalateAfterMs);
    if (dueMs === null) {
      this.dueById.delete(alert.id);
      return;
    }
    this.dueById.set(alert.id, dueMs);
    if (dueMs < this.armedForMs) this.arm(dueMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.armedForMs = Infinity;
  }

  private arm(dueMs: number): void {
    clearTimeout(this.timer);
    this.armedForMs = dueMs;
    this.timer = setTimeout(() => this.fire(), Math.max(0, dueMs - this.now()));
    this.timer.unref();
  }

  /** Hands over the alerts due, once each; a failed hand-over is retried after ESCALATION_RETRY_MS. */
  private fire(): void {
    this.armedForMs = Infinity;
    const nowMs = this.now();
    const due = [...this.dueById].filter(([, dueMs]) => dueMs <= nowMs).map(([id]) => id);
    for (const id of due) this.dueById.delete(id);
    try {
      if (due.length > 0) this.onDue(due);
    } catch (error) {
      this.onError(error);
      for (const id of due) this.dueById.set(id, nowMs + ESCALATION_RETRY_MS);
    }
    let next = Infinity;
    for (const dueMs of this.dueById.values()) next = Math.min(next, dueMs);
    if (next < Infinity) this.arm(next);
  }
}
