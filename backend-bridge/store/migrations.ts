/**
 * The database schema as an ordered list of migrations. Each runs once, in
 * its own transaction, and is recorded in `schema_migrations`; a released
 * migration is never edited, only followed by a new one.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … with no gaps. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'alerts, alert event stream, audit log',
    sql: `
      -- Per-stream bookkeeping: the stream's random id and how far its event log was pruned.
      CREATE TABLE stream_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      INSERT INTO stream_meta (key, value) VALUES ('alerts.streamId', lower(hex(randomblob(8)))), ('alerts.prunedThroughSeq', '0');

      -- Each alert's current state; body is the alert as JSON, the columns are what queries select on.
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        status TEXT NOT NULL,
        closed_at_ms INTEGER,
        cap_sender TEXT,
        cap_identifier TEXT,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX alerts_by_closed_at ON alerts (closed_at_ms);
      CREATE UNIQUE INDEX alerts_by_cap_identity ON alerts (cap_sender, cap_identifier) WHERE cap_sender IS NOT NULL;

      -- The stream: one row per change, the alert's state after it, gap-free seq.
      CREATE TABLE alert_events (
        seq INTEGER PRIMARY KEY,
        alert_id TEXT NOT NULL,
        stored_at_ms INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX alert_events_by_stored_at ON alert_events (stored_at_ms);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        actor_role TEXT NOT NULL,
        actor_label TEXT NOT NULL,
        command TEXT NOT NULL,
        request_id TEXT,
        payload TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'signal plan history and signal modes',
    sql: `
      -- One row per version of a node's plan; plan is the SignalPlan as JSON.
      CREATE TABLE signal_plan_versions (
        node_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        plan TEXT NOT NULL,
        origin TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        actor_label TEXT NOT NULL,
        reason TEXT NOT NULL,
        accepted_at_ms INTEGER NOT NULL,
        effective_sim_time_ms INTEGER NOT NULL,
        PRIMARY KEY (node_id, version)
      ) STRICT;
      CREATE INDEX signal_plan_versions_by_effective_time ON signal_plan_versions (effective_sim_time_ms);

      -- Nodes under adaptive control; a node not listed runs its plan as written.
      CREATE TABLE signal_modes (node_id TEXT PRIMARY KEY, mode TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 3,
    name: 'credentials: link tokens and paired devices',
    sql: `
      -- Credentials the bridge issued: printed links and paired screens. Only the token's SHA-256 is kept;
      -- id is a short random handle for admins (not a secret). A revoked row stays, so a refused screen
      -- learns when it was revoked, until it is pruned.
      CREATE TABLE credentials (
        id TEXT PRIMARY KEY,
        token_sha256 TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        role TEXT NOT NULL,
        label TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        expires_at_ms INTEGER,
        last_used_at_ms INTEGER,
        paired_via TEXT,
        revoked_at_ms INTEGER,
        revoked_by TEXT
      ) STRICT;
      CREATE INDEX credentials_by_expiry ON credentials (expires_at_ms) WHERE expires_at_ms IS NOT NULL;
    `,
  },
];

/** The schema version a database is at; 0 for a new, empty one. */
export function schemaVersion(db: Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL) STRICT`);
  const row = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

/**
 * Brings the database to the newest schema. Refuses a database written by a
 * newer bridge rather than guessing at tables it does not know.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, nowMs = Date.now()): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${index} has version ${migration.version}, expected ${index + 1}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(`schema version ${current} is newer than this bridge knows (${migrations.length}); use a newer bridge`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (?, ?, ?)');
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, nowMs);
    })();
  }
}
