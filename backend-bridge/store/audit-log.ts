/**
 * The audit log: every command a client sent after the handshake that passed
 * validation — accepted or refused, and why — and every CAP message an
 * authorised sender posted. Append-only; written in the same database (and,
 * for alert changes, the same transaction) as what it records.
 */
import type { Statement } from 'better-sqlite3';
import type { ErrorCode } from '../protocol';
import type { BridgeDatabase } from './database';

/** `ok`, or the error the client was answered with: an `error` code, or for HTTP 409 and 415 `conflict` and `unsupported-media-type`. */
export type AuditOutcome = 'ok' | ErrorCode | 'conflict' | 'unsupported-media-type';

export interface AuditEntry {
  /** Wall time, ms since the epoch. */
  atMs: number;
  /** The session's role, or `system` for the bridge itself. */
  actorRole: string;
  /** The session or sender, e.g. `console/0.1@3f2a9c1d` or `cap:sender@example.org`. */
  actorLabel: string;
  /** The command, e.g. `alert-action`, `set-sim-clock`, `cap-ingest`. */
  command: string;
  requestId?: string;
  /** What was asked, as JSON-able data. */
  payload: unknown;
  outcome: AuditOutcome;
  /** The reason given for a refusal. */
  detail?: string;
}

interface AuditRow {
  at_ms: number;
  actor_role: string;
  actor_label: string;
  command: string;
  request_id: string | null;
  payload: string;
  outcome: AuditOutcome;
  detail: string | null;
}

export class AuditLog {
  private readonly insert: Statement<[number, string, string, string, string | null, string, string, string | null]>;
  private readonly latest: Statement<[number], AuditRow>;

  constructor(db: BridgeDatabase) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (at_ms, actor_role, actor_label, command, request_id, payload, outcome, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.latest = db.prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?');
  }

  /** Appends one entry; inside a transaction when the caller has one open. */
  record(entry: AuditEntry): void {
    this.insert.run(
      entry.atMs,
      entry.actorRole,
      entry.actorLabel,
      entry.command,
      entry.requestId ?? null,
      JSON.stringify(entry.payload ?? null),
      entry.outcome,
      entry.detail ?? null,
    );
  }

  /** The newest entries, newest first. */
  recent(limit: number): AuditEntry[] {
    return this.latest.all(limit).map((row) => ({
      atMs: row.at_ms,
      actorRole: row.actor_role,
      actorLabel: row.actor_label,
      command: row.command,
      ...(row.request_id !== null && { requestId: row.request_id }),
      payload: JSON.parse(row.payload) as unknown,
      outcome: row.outcome,
      ...(row.detail !== null && { detail: row.detail }),
    }));
  }
}
