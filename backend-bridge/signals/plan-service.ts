/**
 * The one path every plan change takes, whoever makes it (operator, rollback,
 * adaptive controller): check the plan again in full, hand it to the source,
 * then record the new version and its audit entry in one transaction and
 * tell every client. A refused change leaves no trace in history or audit.
 */
import { type PlanOrigin, type PlanVersion, type SignalPlan, ValidationError } from '../protocol';
import { type ApproachBearings, checkPlanRules } from '../protocol/signal-rules';
import type { Caller } from '../core/bridge-module';
import { RequestError } from '../core/request-error';
import type { SignalAccess } from '../sources/signal-access';
import type { AuditEntry, AuditLog } from '../store/audit-log';
import type { PlanHistory } from './plan-history';

/** Versions a `signal-history` carries at most, as the protocol bounds it: the latest ones. */
export const MAX_HISTORY_VERSIONS = 1000;

/** Who a change is attributed to: a session, or the bridge itself (`system`). */
export type PlanActor = Caller | { role: 'system'; label: string };

export interface PlanChangeRequest {
  plan: SignalPlan;
  origin: PlanOrigin;
  actor: PlanActor;
  reason: string;
  /** The change's audit entry; it is stored with `detail` set to JSON of the plan before and after. */
  audit: AuditEntry;
}

export interface PlanServiceDeps {
  signals: SignalAccess;
  history: PlanHistory;
  /** Where each change's entry is appended, in the same transaction as its history row. */
  audit: Pick<AuditLog, 'record'>;
  /** Approach directions of a node's in-links, for the conflict rule. */
  bearingsOf: (nodeId: string) => ApproachBearings;
  /** Sim time now, ms since the epoch: when a default plan is first recorded. */
  simTimeMs: () => number;
  /** Told of every accepted change, after it is stored. */
  onChange: (nodeId: string, change: PlanVersion) => void;
  /** Wall clock, ms since the epoch. @default Date.now */
  now?: () => number;
}

export class PlanService {
  private readonly now: () => number;
  private readonly signalized: ReadonlySet<string>;
  /** Nodes with a change between validation and storage; a second one waits its turn by being refused. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: PlanServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.signalized = new Set(deps.signals.nodeIds());
  }

  /** Throws a RequestError `not-found` unless the node is a signalized intersection of the source. */
  requireNode(nodeId: string): void {
    if (!this.signalized.has(nodeId)) throw new RequestError('not-found', `no signalized intersection ${JSON.stringify(nodeId)}`);
  }

  /** The node's latest versions, oldest first; records its default plan as version 1 when it has none yet. */
  versions(nodeId: string, limit = MAX_HISTORY_VERSIONS): PlanVersion[] {
    this.ensureDefault(nodeId);
    return this.deps.history.list(nodeId, limit);
  }

  newest(nodeId: string): PlanVersion {
    return this.ensureDefault(nodeId);
  }

  /**
   * Checks what the wire parse could not: the node's movements, every timing and safety rule, and
   * the version (the node's newest + 1). Throws a ValidationError naming the
   * first field at fault (`plan.phases[1].movementIds[0]`) and the rule.
   */
  check(plan: SignalPlan): SignalPlan {
    this.requireNode(plan.nodeId);
    const expected = this.newest(plan.nodeId).version + 1;
    if (plan.version !== expected) {
      throw new ValidationError('plan.version', `expected ${expected}, the version after the newest, got ${plan.version}`);
    }
    const violations = checkPlanRules(plan, this.deps.signals.movements(plan.nodeId), this.deps.bearingsOf(plan.nodeId));
    const [first] = violations;
    if (first) {
      const more = violations.length > 1 ? `; ${violations.length - 1} more rule(s) broken` : '';
      throw new ValidationError(`plan.${first.path}`, `${first.message} (rule ${first.rule})${more}`);
    }
    return plan;
  }

  /** Checks and applies a change; resolves with the stored version once the source took it. */
  async change(request: PlanChangeRequest): Promise<PlanVersion> {
    const plan = this.check(request.plan);
    const { nodeId } = plan;
    if (this.inFlight.has(nodeId)) throw new RequestError('rejected', `another change to ${nodeId} is being applied; try again`);
    this.inFlight.add(nodeId);
    try {
      const before = this.newest(nodeId);
      const { effectiveSimTimeMs } = await this.deps.signals.apply(plan);
      const version: PlanVersion = {
        version: plan.version,
        plan,
        origin: request.origin,
        actorRole: request.actor.role,
        actorLabel: request.actor.label,
        reason: request.reason,
        acceptedAtMs: this.now(),
        effectiveSimTimeMs,
      };
      this.deps.history.transaction(() => {
        this.deps.history.record(version);
        this.deps.audit.record({ ...request.audit, detail: JSON.stringify({ before: before.plan, after: plan }) });
      });
      this.deps.onChange(nodeId, version);
      return version;
    } finally {
      this.inFlight.delete(nodeId);
    }
  }

  /** The earlier version's timing as the next version of origin `rollback`. */
  rollbackPlan(nodeId: string, toVersion: number): SignalPlan {
    this.requireNode(nodeId);
    this.ensureDefault(nodeId);
    const target = this.deps.history.get(nodeId, toVersion);
    if (!target) throw new RequestError('not-found', `${nodeId} has no plan version ${toVersion}`);
    return { ...target.plan, version: this.newest(nodeId).version + 1 };
  }

  private ensureDefault(nodeId: string): PlanVersion {
    this.requireNode(nodeId);
    const newest = this.deps.history.newest(nodeId);
    if (newest) return newest;
    const initial: PlanVersion = {
      version: this.deps.signals.runningPlan(nodeId).version,
      plan: this.deps.signals.runningPlan(nodeId),
      origin: 'default',
      actorRole: 'system',
      actorLabel: 'source',
      reason: 'the plan the intersection ran when the bridge first needed its history',
      acceptedAtMs: this.now(),
      effectiveSimTimeMs: this.deps.simTimeMs(),
    };
    this.deps.history.record(initial);
    return initial;
  }
}
