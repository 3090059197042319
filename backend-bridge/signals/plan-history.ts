/**
 * Every version of every node's signal plan, in SQLite: who made it, why,
 * when the bridge accepted it and when it took over in the sim. A node's
 * default plan is recorded lazily, as version 1 of origin `default`, the
 * first time anything needs its history. Also the nodes under adaptive
 * control, so a restarted bridge keeps them adaptive.
 */
import type { Statement } from 'better-sqlite3';
import { type PlanOrigin, type PlanVersion, SIGNAL_MODES, type SignalMode, checkSignalPlan } from '../protocol';
import type { BridgeDatabase } from '../store/database';

/** Plan changes by who made them: operators (rollbacks included) and the adaptive controller. */
export interface ChangeCounts {
  operator: number;
  adaptive: number;
}

/** When a node's change took over. */
export interface ChangeTime {
  nodeId: string;
  effectiveSimTimeMs: number;
}

interface VersionRow {
  node_id: string;
  version: number;
  plan: string;
  origin: PlanOrigin;
  actor_role: PlanVersion['actorRole'];
  actor_label: string;
  reason: string;
  accepted_at_ms: number;
  effective_sim_time_ms: number;
}

export class PlanHistory {
  private readonly insert: Statement<[string, number, string, string, string, string, string, number, number]>;
  private readonly latestOfNode: Statement<[string, number], VersionRow>;
  private readonly newestOf: Statement<[string], VersionRow>;
  private readonly oneVersion: Statement<[string, number], VersionRow>;
  private readonly countsByOrigin: Statement<[number], { origin: PlanOrigin; changes: number }>;
  private readonly latestChanges: Statement<[number, number, number], { node_id: string; effective_sim_time_ms: number }>;
  private readonly newestOfEach: Statement<[], VersionRow>;
  private readonly modes: Statement<[], { node_id: string; mode: string }>;
  private readonly setStored: Statement<[string, string]>;
  private readonly setFixed: Statement<[string]>;

  constructor(private readonly db: BridgeDatabase) {
    this.insert = db.prepare(
      `INSERT INTO signal_plan_versions
         (node_id, version, plan, origin, actor_role, actor_label, reason, accepted_at_ms, effective_sim_time_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.latestOfNode = db.prepare(
      'SELECT * FROM (SELECT * FROM signal_plan_versions WHERE node_id = ? ORDER BY version DESC LIMIT ?) ORDER BY version',
    );
    this.newestOf = db.prepare('SELECT * FROM signal_plan_versions WHERE node_id = ? ORDER BY version DESC LIMIT 1');
    this.oneVersion = db.prepare('SELECT * FROM signal_plan_versions WHERE node_id = ? AND version = ?');
    this.countsByOrigin = db.prepare(
      'SELECT origin, count(*) AS changes FROM signal_plan_versions WHERE effective_sim_time_ms >= ? GROUP BY origin',
    );
    this.latestChanges = db.prepare(
      `SELECT node_id, effective_sim_time_ms FROM signal_plan_versions
       WHERE effective_sim_time_ms >= ? AND effective_sim_time_ms <= ? AND origin <> 'default'
       ORDER BY effective_sim_time_ms DESC LIMIT ?`,
    );
    this.newestOfEach = db.prepare(
      'SELECT v.* FROM signal_plan_versions v JOIN (SELECT node_id, max(version) AS version FROM signal_plan_versions GROUP BY node_id) n USING (node_id, version)',
    );
    this.modes = db.prepare("SELECT node_id, mode FROM signal_modes WHERE mode <> 'fixed'");
    this.setStored = db.prepare('INSERT INTO signal_modes (node_id, mode) VALUES (?, ?) ON CONFLICT (node_id) DO UPDATE SET mode = excluded.mode');
    this.setFixed = db.prepare('DELETE FROM signal_modes WHERE node_id = ?');
  }

  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  record(version: PlanVersion): void {
    this.insert.run(
      version.plan.nodeId,
      version.version,
      JSON.stringify(version.plan),
      version.origin,
      version.actorRole,
      version.actorLabel,
      version.reason,
      version.acceptedAtMs,
      version.effectiveSimTimeMs,
    );
  }

  /** The node's latest `limit` versions, oldest first. */
  list(nodeId: string, limit: number): PlanVersion[] {
    return this.latestOfNode.all(nodeId, limit).map(fromRow);
  }

  newest(nodeId: string): PlanVersion | undefined {
    const row = this.newestOf.get(nodeId);
    return row && fromRow(row);
  }

  get(nodeId: string, version: number): PlanVersion | undefined {
    const row = this.oneVersion.get(nodeId, version);
    return row && fromRow(row);
  }

  /** Changes that took over at or after `simTimeMs`, by origin (default plans are no change). */
  countsSince(simTimeMs: number): ChangeCounts {
    const counts: ChangeCounts = { operator: 0, adaptive: 0 };
    for (const row of this.countsByOrigin.all(simTimeMs)) {
      if (row.origin === 'adaptive') counts.adaptive += row.changes;
      else if (row.origin !== 'default') counts.operator += row.changes;
    }
    return counts;
  }

  /** The latest `limit` changes that took over between `fromMs` and `toMs` (inclusive), newest first. */
  changesBetween(fromMs: number, toMs: number, limit: number): ChangeTime[] {
    return this.latestChanges.all(fromMs, toMs, limit).map((row) => ({ nodeId: row.node_id, effectiveSimTimeMs: row.effective_sim_time_ms }));
  }

  /** Every node's newest version. */
  newestOfEveryNode(): PlanVersion[] {
    return this.newestOfEach.all().map(fromRow);
  }

  /** The nodes stored in a mode other than fixed, with their mode. */
  storedModes(): { nodeId: string; mode: SignalMode }[] {
    return this.modes.all().flatMap((row) => {
      const mode = SIGNAL_MODES.find((known) => known === row.mode);
      // A mode this version does not know (a newer bridge wrote it) runs as fixed.
      return mode ? [{ nodeId: row.node_id, mode }] : [];
    });
  }

  setMode(nodeId: string, mode: SignalMode): void {
    if (mode === 'fixed') this.setFixed.run(nodeId);
    else this.setStored.run(nodeId, mode);
  }
}

function fromRow(row: VersionRow): PlanVersion {
  return {
    version: row.version,
    // Checked again: the file may have been edited by hand.
    plan: checkSignalPlan(JSON.parse(row.plan), `signal_plan_versions[${row.node_id}, ${row.version}].plan`),
    origin: row.origin,
    actorRole: row.actor_role,
    actorLabel: row.actor_label,
    reason: row.reason,
    acceptedAtMs: row.accepted_at_ms,
    effectiveSimTimeMs: row.effective_sim_time_ms,
  };
}
