/**
 * Sends the alert stream to clients: each stored change to every ready
 * client as `alert-event`, and to a client that just connected what it
 * missed (a replay from the store) or the present (a snapshot). Sensitive
 * fields are masked here, per role.
 *
 * Alerts are never skipped for a slow client, unlike traffic frames. A
 * client whose backlog passes the limit is disconnected instead; it resumes
 * from its last sequence number when it reconnects, so it loses nothing and
 * cannot grow the bridge's memory without bound.
 */
import { type AlertResume, DEFAULT_MAX_REPLAY_EVENTS, planAlertSync } from './alert-sync';
import { alertForRole } from './masking';
import type { Alert } from '../protocol/alerts';
import type { AlertStore } from '../store/alert-store';
import type { Session } from '../core/session';
import type { Logger } from '../core/log';

/** A snapshot holds the open alerts and those closed within this long, ms. */
export const SNAPSHOT_CLOSED_WITHIN_MS = 24 * 3_600_000;
/** Events read from the store per query while replaying. */
const REPLAY_PAGE_EVENTS = 1000;

export interface AlertFanoutOptions {
  store: AlertStore;
  /** The clients to send to, read at every send. */
  sessions: () => Iterable<Session>;
  /** Most events replayed to a client before a snapshot is sent instead. @default DEFAULT_MAX_REPLAY_EVENTS */
  maxReplayEvents: number;
  /** Socket backlog above which a client is disconnected to resume later, bytes. @default 32 MiB */
  maxBufferedAlertBytes: number;
  log: Logger;
  /** Wall clock, ms since the epoch. @default Date.now */
  now?: () => number;
}

export const ALERT_FANOUT_DEFAULTS = { maxReplayEvents: DEFAULT_MAX_REPLAY_EVENTS, maxBufferedAlertBytes: 32 * 1024 * 1024 } as const;

const eventText = (alert: Alert) => JSON.stringify({ type: 'alert-event', seq: alert.seq, alert });

export class AlertFanout {
  private readonly now: () => number;

  constructor(private readonly options: AlertFanoutOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Sends stored changes, in sequence order, to every ready client. Each is encoded once per role that sees it differently. */
  publish(alerts: readonly Alert[]): void {
    for (const alert of alerts) {
      const full = eventText(alert);
      let masked: string | undefined;
      for (const session of this.options.sessions()) {
        const text = session.role === 'viewer' && alert.sensitive ? (masked ??= eventText(alertForRole(alert, 'viewer'))) : full;
        this.deliver(session, text);
      }
    }
  }

  /**
   * Catches a newly ready client up. Runs synchronously, so no live event
   * can slip in between the catch-up and the live stream.
   */
  catchUp(session: Session, resume: AlertResume | undefined): void {
    const role = session.role ?? 'viewer';
    const { store } = this.options;
    const plan = planAlertSync(resume, store, this.options.maxReplayEvents);
    if (plan.kind === 'snapshot') {
      const alerts = store.snapshot(this.now() - SNAPSHOT_CLOSED_WITHIN_MS).map((alert) => alertForRole(alert, role));
      session.send({ type: 'alert-snapshot', streamId: store.streamId, seq: store.headSeq, alerts });
      this.options.log.debug(`alert snapshot of ${alerts.length} to ${session.label} (${plan.reason})`);
      return;
    }
    for (let afterSeq = plan.afterSeq; afterSeq < store.headSeq; ) {
      const page = store.eventsAfter(afterSeq, REPLAY_PAGE_EVENTS);
      for (const alert of page) this.deliver(session, eventText(alertForRole(alert, role)));
      afterSeq = page.at(-1)?.seq ?? store.headSeq;
    }
  }

  private deliver(session: Session, text: string): void {
    if (session.bufferedBytes > this.options.maxBufferedAlertBytes) {
      this.options.log.warn(`${session.label} is ${session.bufferedBytes} bytes behind on alerts; disconnecting it to resume later`);
      session.terminate();
      return;
    }
    session.sendText(text);
  }
}
