/**
 * The credentials the bridge issues and must remember across restarts:
 * printed links (expire) and paired devices (until revoked). Kept in the
 * bridge's SQLite database as SHA-256 hashes only, so the data folder, a
 * backup of it or this process's memory never holds a usable token.
 */
import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { CredentialKind, CredentialRefusal, Role } from '../protocol';
import type { BridgeDatabase } from '../store/database';
import { hashToken } from './token-hash';

/** How long a printed link stays valid, ms: 7 days. Screens opened with it pair and keep working after. */
export const DEFAULT_LINK_TTL_MS = 7 * 86_400_000;

/** How long a revoked credential stays listed (so its screen is told when and why), ms: 30 days. */
export const REVOKED_RETENTION_MS = 30 * 86_400_000;

export interface CredentialRecord {
  /** Short random handle shown to admins; not a secret. */
  id: string;
  kind: CredentialKind;
  role: Role;
  /** e.g. `Wall · Chrome` or `demo link (operator)`. */
  label: string;
  createdAtMs: number;
  /** When a link stops working, ms since the epoch; null for a device. */
  expiresAtMs: number | null;
  lastUsedAtMs: number | null;
  /** The credential a device paired with (a link's id, or `config:…`); null for a link. */
  pairedVia: string | null;
  revokedAtMs: number | null;
  revokedBy: string | null;
}

export type CredentialLookup = { ok: true; record: CredentialRecord } | { ok: false; refusal: CredentialRefusal };

interface CredentialRow {
  id: string;
  kind: CredentialKind;
  role: Role;
  label: string;
  created_at_ms: number;
  expires_at_ms: number | null;
  last_used_at_ms: number | null;
  paired_via: string | null;
  revoked_at_ms: number | null;
  revoked_by: string | null;
}

const fromRow = (row: CredentialRow): CredentialRecord => ({
  id: row.id,
  kind: row.kind,
  role: row.role,
  label: row.label,
  createdAtMs: row.created_at_ms,
  expiresAtMs: row.expires_at_ms,
  lastUsedAtMs: row.last_used_at_ms,
  pairedVia: row.paired_via,
  revokedAtMs: row.revoked_at_ms,
  revokedBy: row.revoked_by,
});

export interface IssueOptions {
  /** Lifetime from now, ms; undefined never expires (devices). */
  ttlMs?: number;
  pairedVia?: string;
}

export class CredentialStore {
  private readonly insert: Statement<[string, string, string, string, string, number, number | null, string | null]>;
  private readonly byHash: Statement<[string], CredentialRow>;
  private readonly byId: Statement<[string], CredentialRow>;
  private readonly all: Statement<[], CredentialRow>;
  private readonly touchRow: Statement<[number, string]>;
  private readonly revokeRow: Statement<[number, string, string]>;
  private readonly prune: Statement<[number, number]>;

  /** @param now wall clock, ms since the epoch. @default Date.now */
  constructor(
    db: BridgeDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare(
      `INSERT INTO credentials (id, token_sha256, kind, role, label, created_at_ms, expires_at_ms, paired_via)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byHash = db.prepare<[string], CredentialRow>('SELECT * FROM credentials WHERE token_sha256 = ?');
    this.byId = db.prepare<[string], CredentialRow>('SELECT * FROM credentials WHERE id = ?');
    this.all = db.prepare<[], CredentialRow>('SELECT * FROM credentials ORDER BY created_at_ms DESC, id');
    this.touchRow = db.prepare('UPDATE credentials SET last_used_at_ms = ? WHERE id = ?');
    this.revokeRow = db.prepare('UPDATE credentials SET revoked_at_ms = ?, revoked_by = ? WHERE id = ? AND revoked_at_ms IS NULL');
    this.prune = db.prepare('DELETE FROM credentials WHERE expires_at_ms <= ? OR revoked_at_ms < ?');
  }

  /** Issues a new credential; the token is returned in clear this once and stored hashed. */
  issue(kind: CredentialKind, role: Role, label: string, { ttlMs, pairedVia }: IssueOptions = {}): { token: string; record: CredentialRecord } {
    // Devices get longer secrets: they live until revoked and are never typed.
    const token = randomBytes(kind === 'device' ? 32 : 24).toString('base64url');
    const id = `${kind === 'device' ? 'dev' : 'lnk'}-${randomBytes(5).toString('hex')}`;
    const createdAtMs = this.now();
    const expiresAtMs = ttlMs === undefined ? null : createdAtMs + ttlMs;
    this.insert.run(id, hashToken(token), kind, role, label, createdAtMs, expiresAtMs, pairedVia ?? null);
    return { token, record: this.get(id)! };
  }

  /** Resolves a token in clear, and marks it used when it is valid. */
  check(token: string): CredentialLookup {
    const row = this.byHash.get(hashToken(token));
    if (!row) return { ok: false, refusal: { cause: 'unknown' } };
    if (row.revoked_at_ms !== null) return { ok: false, refusal: { cause: 'revoked', revokedAtMs: row.revoked_at_ms } };
    const nowMs = this.now();
    if (row.expires_at_ms !== null && row.expires_at_ms <= nowMs) return { ok: false, refusal: { cause: 'expired' } };
    this.touchRow.run(nowMs, row.id);
    return { ok: true, record: fromRow({ ...row, last_used_at_ms: nowMs }) };
  }

  /** Whether `token` is this store's credential `id` (proof that a client holds it). */
  holds(id: string, token: string): boolean {
    return this.byHash.get(hashToken(token))?.id === id;
  }

  /** The credential whose token this is, revoked or not; null when unknown. */
  findByToken(token: string): CredentialRecord | null {
    const row = this.byHash.get(hashToken(token));
    return row ? fromRow(row) : null;
  }

  get(id: string): CredentialRecord | null {
    const row = this.byId.get(id);
    return row ? fromRow(row) : null;
  }

  /** Every credential kept, newest first. */
  list(): CredentialRecord[] {
    return this.all.all().map(fromRow);
  }

  /**
   * Revokes a credential for good. Returns it as revoked; null when there is
   * none with that id. Revoking one already revoked keeps the first time and admin.
   */
  revoke(id: string, by: string): CredentialRecord | null {
    this.revokeRow.run(this.now(), by, id);
    return this.get(id);
  }

  /** Deletes expired links and credentials revoked longer ago than REVOKED_RETENTION_MS; returns how many. */
  pruneExpired(): number {
    const nowMs = this.now();
    return this.prune.run(nowMs, nowMs - REVOKED_RETENTION_MS).changes;
  }
}
