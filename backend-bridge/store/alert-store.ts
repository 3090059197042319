/**
 * Alerts and their event stream in SQLite. Every change of an alert is
 * appended as an event with the next sequence number, together with the
 * alert's new current state (and, when given, its audit entry), in one
 * transaction: the stream is gap-free and nothing is half-stored. The caller
 * sends an event only after `append` returned, i.e. after the commit.
 */
import type { Statement } from 'better-sqlite3';
import { type Alert, alertSchema, isOpenAlertStatus } from '../protocol/alerts';
import { parseAt } from '../protocol/validation';
import type { AuditEntry, AuditLog } from './audit-log';
import type { BridgeDatabase } from './database';

/** An alert state before the store has given it its sequence number. */
export type UnsequencedAlert = Omit<Alert, 'seq'>;

/** A CAP message with this sender and identifier is stored already. */
export class DuplicateCapError extends Error {
  override name = 'DuplicateCapError';
  constructor(readonly sender: string, readonly identifier: string) {
    super(`a CAP alert from ${JSON.stringify(sender)} with identifier ${JSON.stringify(identifier)} was received already`);
  }
}

type Params<T extends unknown[]> = Statement<T>;
type Bodies<T extends unknown[]> = Statement<T, string>;

export class AlertStore {
  /** Random id of this database's stream; a client resuming another stream gets a snapshot. */
  readonly streamId: string;
  private head: number;
  private prunedThrough: number;
  private readonly statements: {
    insertEvent: Params<[number, string, number, string]>;
    upsertAlert: Params<[string, number, string, number | null, string | null, string | null, string]>;
    capExists: Statement<[string, string], number>;
    alertById: Bodies<[string]>;
    openAlerts: Bodies<[]>;
    snapshot: Bodies<[number]>;
    eventsAfter: Bodies<[number, number]>;
    lastPrunable: Statement<[number], number | null>;
    deleteEvents: Params<[number]>;
    setPrunedThrough: Params<[string]>;
  };

  constructor(
    private readonly db: BridgeDatabase,
    private readonly audit: AuditLog,
  ) {
    const meta = (key: string) => db.prepare<[string], string>('SELECT value FROM stream_meta WHERE key = ?').pluck().get(key);
    this.streamId = meta('alerts.streamId') ?? '';
    this.prunedThrough = Number(meta('alerts.prunedThroughSeq') ?? 0);
    const lastEvent = db.prepare<[], number | null>('SELECT max(seq) FROM alert_events').pluck().get() ?? null;
    this.head = Math.max(lastEvent ?? 0, this.prunedThrough);
    this.statements = {
      insertEvent: db.prepare('INSERT INTO alert_events (seq, alert_id, stored_at_ms, body) VALUES (?, ?, ?, ?)'),
      upsertAlert: db.prepare(
        `INSERT INTO alerts (id, seq, status, closed_at_ms, cap_sender, cap_identifier, body) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, status = excluded.status, closed_at_ms = excluded.closed_at_ms, body = excluded.body`,
      ),
      capExists: db.prepare<[string, string], number>('SELECT 1 FROM alerts WHERE cap_sender = ? AND cap_identifier = ?').pluck(),
      alertById: db.prepare<[string], string>('SELECT body FROM alerts WHERE id = ?').pluck(),
      openAlerts: db.prepare<[], string>('SELECT body FROM alerts WHERE closed_at_ms IS NULL ORDER BY seq').pluck(),
      snapshot: db.prepare<[number], string>('SELECT body FROM alerts WHERE closed_at_ms IS NULL OR closed_at_ms >= ? ORDER BY seq').pluck(),
      eventsAfter: db.prepare<[number, number], string>('SELECT body FROM alert_events WHERE seq > ? ORDER BY seq LIMIT ?').pluck(),
      lastPrunable: db.prepare<[number], number | null>('SELECT max(seq) FROM alert_events WHERE stored_at_ms < ?').pluck(),
      deleteEvents: db.prepare('DELETE FROM alert_events WHERE seq <= ?'),
      setPrunedThrough: db.prepare("UPDATE stream_meta SET value = ? WHERE key = 'alerts.prunedThroughSeq'"),
    };
    if (!this.streamId) throw new Error('the database has no alert stream id (stream_meta is damaged)');
  }

  /** The stream's last sequence number; 0 while empty. */
  get headSeq(): number {
    return this.head;
  }

  /** Events up to this sequence number were pruned: a client behind it must take a snapshot. */
  get prunedThroughSeq(): number {
    return this.prunedThrough;
  }

  /**
   * Stores new states of alerts as consecutive events, in one transaction
   * with the audit entry when one is given. Throws (storing nothing) on an
   * invalid state or a CAP message that was received before.
   */
  append(states: readonly UnsequencedAlert[], storedAtMs: number, audit?: AuditEntry): Alert[] {
    const alerts = states.map((state, i) => parseAt(alertSchema, { ...state, seq: this.head + 1 + i }, 'alert'));
    this.db.transaction(() => {
      for (const alert of alerts) {
        if (alert.cap && this.repeatsCapMessage(alert.id, alert.cap)) throw new DuplicateCapError(alert.cap.sender, alert.cap.identifier);
        const body = JSON.stringify(alert);
        this.statements.insertEvent.run(alert.seq, alert.id, storedAtMs, body);
        const closedAtMs = isOpenAlertStatus(alert.status) ? null : (alert.resolvedAtMs ?? storedAtMs);
        this.statements.upsertAlert.run(alert.id, alert.seq, alert.status, closedAtMs, alert.cap?.sender ?? null, alert.cap?.identifier ?? null, body);
      }
      if (audit) this.audit.record(audit);
    })();
    this.head += alerts.length;
    return alerts;
  }

  /** Whether a new alert comes from a CAP message stored before; later changes of one alert keep its identity. */
  private repeatsCapMessage(id: string, cap: { sender: string; identifier: string }): boolean {
    return this.statements.alertById.get(id) === undefined && this.statements.capExists.get(cap.sender, cap.identifier) !== undefined;
  }

  get(id: string): Alert | undefined {
    const body = this.statements.alertById.get(id);
    return body === undefined ? undefined : (JSON.parse(body) as Alert);
  }

  /** Every open alert, validated (the file may have been edited by hand), oldest change first. */
  openAlerts(): Alert[] {
    return this.statements.openAlerts.all().map((body, i) => parseAt(alertSchema, JSON.parse(body), `open alert ${i}`));
  }

  /** Open alerts and those closed at or after `closedSinceMs`, in stream order. */
  snapshot(closedSinceMs: number): Alert[] {
    return this.statements.snapshot.all(closedSinceMs).map((body) => JSON.parse(body) as Alert);
  }

  /** Up to `limit` events after `seq`, in order; each is the alert's state with `seq` the event's. */
  eventsAfter(seq: number, limit: number): Alert[] {
    return this.statements.eventsAfter.all(seq, limit).map((body) => JSON.parse(body) as Alert);
  }

  /**
   * Drops events stored before `beforeMs` (always a prefix of the stream), so
   * the log does not grow forever; alerts themselves are kept. Returns how
   * many went.
   */
  pruneEvents(beforeMs: number): number {
    const through = this.statements.lastPrunable.get(beforeMs) ?? null;
    if (through === null) return 0;
    const deleted = this.db.transaction(() => {
      const { changes } = this.statements.deleteEvents.run(through);
      this.statements.setPrunedThrough.run(String(through));
      return changes;
    })();
    this.prunedThrough = through;
    return deleted;
  }
}
