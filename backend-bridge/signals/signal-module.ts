/**
 * Signal-timing control in the bridge (issue 8): plan history, apply and
 * rollback with audit, adaptive mode, the watched intersection's live
 * status, measured effect of a change, and today's activity.
 *
 * Live work runs on the source's area-traffic cadence (about once a second):
 * the watched signals' status goes out, the effect series takes its sample
 * each sim minute, and the adaptive controller looks at the nodes due.
 */
import { zonedDayStartMs } from '../../common/time/zoned-time';
import type { PlanVersion, SignalActivityMessage, SignalMode } from '../protocol';
import { type ApproachBearings, approachBearingsDeg } from '../protocol/signal-rules';
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import type { Session } from '../core/session';
import { RequestError } from '../core/request-error';
import type { SignalAccess, SignalModes } from '../sources/signal-access';
import { AdaptiveController } from './adaptive-controller';
import { PlanHistory } from './plan-history';
import { PlanService } from './plan-service';
import { ACTIVITY_EFFECT_CHANGES, ACTIVITY_EFFECT_WINDOW_S, signalActivity } from './signal-activity';
import { SignalSeries } from './signal-series';
import { signalStatus } from './signal-status';

export interface SignalModule extends BridgeModule {
  readonly modes: SignalModes;
}

/** Wall time between `signal-activity` broadcasts, ms. */
const ACTIVITY_INTERVAL_MS = 10_000;

export function createSignalModule(context: BridgeModuleContext): SignalModule {
  const signals = context.source.signals;
  if (!signals) return withoutSignals(context.source.name);
  return new SignalControlModule(context, signals);
}

/** For sources without signalized intersections: every signal request is refused with the reason. */
function withoutSignals(sourceName: string): SignalModule {
  const refuse = (): never => {
    throw new RequestError('rejected', `the ${sourceName} source has no signal control`);
  };
  return {
    name: 'signals',
    modes: { modeOf: () => 'fixed' },
    auditRefusals: false,
    commands: { 'apply-signal-plan': refuse, 'rollback-signal-plan': refuse, 'set-signal-mode': refuse },
    queries: { 'watch-signal': refuse, 'unwatch-signal': refuse, 'get-signal-effect': refuse },
  };
}

class SignalControlModule implements SignalModule {
  readonly name = 'signals';
  readonly auditRefusals = false;
  readonly modes: SignalModes;
  readonly events: BridgeModule['events'];
  readonly commands: BridgeModule['commands'];
  readonly queries: BridgeModule['queries'];
  private readonly history: PlanHistory;
  private readonly plans: PlanService;
  private readonly adaptive: AdaptiveController;
  private readonly series = new SignalSeries();
  private readonly bearings = new Map<string, ApproachBearings>();
  /** Nodes in a mode other than fixed. */
  private readonly modeByNode = new Map<string, SignalMode>();
  /** Each session's watched node. */
  private readonly watchers = new Map<Session, string>();
  private simTimeMs = 0;
  private lastActivityAtMs = -Infinity;

  constructor(
    private readonly context: BridgeModuleContext,
    private readonly signals: SignalAccess,
  ) {
    this.history = new PlanHistory(context.db);
    this.plans = new PlanService({
      signals,
      history: this.history,
      audit: context.audit,
      bearingsOf: (nodeId) => this.bearingsOf(nodeId),
      simTimeMs: () => this.simTimeMs,
      onChange: (nodeId, change) => this.broadcastChange(nodeId, change),
    });
    this.adaptive = new AdaptiveController(signals, this.plans, {
      onError: (nodeId, error) => context.log.warn(`adaptive control of ${nodeId} skipped: ${error instanceof Error ? error.message : String(error)}`),
    });
    const known = new Set(signals.nodeIds());
    this.restoreNewestPlans(known);
    for (const { nodeId, mode } of this.history.storedModes()) {
      if (!known.has(nodeId)) continue;
      if (mode === 'maxpressure' && !signals.setActuation) {
        context.log.warn(`${nodeId} was stored in max-pressure mode, which the ${context.source.name} source cannot run: it runs its plan`);
        continue;
      }
      this.enterMode(nodeId, mode);
    }
    this.modes = { modeOf: (nodeId) => this.modeOf(nodeId) };

    this.events = {
      clock: (clock) => {
        this.simTimeMs = clock.simTimeMs;
      },
      areaTraffic: (traffic) => this.onSecond(traffic.simTimeMs),
    };
    this.commands = {
      'apply-signal-plan': async (command, caller, audit) => {
        await this.plans.change({ plan: command.plan, origin: 'operator', actor: caller, reason: command.reason, audit });
        return 'audited' as const;
      },
      'rollback-signal-plan': async (command, caller, audit) => {
        const plan = this.plans.rollbackPlan(command.nodeId, command.toVersion);
        await this.plans.change({ plan, origin: 'rollback', actor: caller, reason: command.reason, audit });
        return 'audited' as const;
      },
      'set-signal-mode': (command, _caller, audit) => {
        const nodeIds = this.scopeNodes(command.scope, command.scopeId);
        if (command.mode === 'maxpressure' && !this.signals.setActuation) {
          throw new RequestError('rejected', `the ${context.source.name} source's controllers run plans only; max-pressure needs a simulated city`);
        }
        const before = Object.fromEntries(nodeIds.map((nodeId) => [nodeId, this.modeOf(nodeId)]));
        this.history.transaction(() => {
          for (const nodeId of nodeIds) this.history.setMode(nodeId, command.mode);
          context.audit.record({ ...audit, detail: JSON.stringify({ before, after: command.mode }) });
        });
        for (const nodeId of nodeIds) {
          this.enterMode(nodeId, command.mode);
          if (before[nodeId] !== command.mode) this.broadcastChange(nodeId, this.plans.newest(nodeId));
        }
        return 'audited' as const;
      },
    };
    this.queries = {
      'watch-signal': (query, session) => {
        const versions = this.plans.versions(query.nodeId);
        this.watchers.set(session, query.nodeId);
        // The status follows the reply, which the bridge sends once this handler returns.
        setImmediate(() => this.sendStatus(session));
        return { type: 'signal-history', requestId: query.id, nodeId: query.nodeId, versions, movements: this.signals.movements(query.nodeId) };
      },
      'unwatch-signal': (_query, session) => {
        this.watchers.delete(session);
      },
      'get-signal-effect': (query) => {
        this.plans.requireNode(query.nodeId);
        const change = this.history.get(query.nodeId, query.version);
        if (!change) throw new RequestError('not-found', `${query.nodeId} has no plan version ${query.version}`);
        const { before, after } = this.series.effect(query.nodeId, change.effectiveSimTimeMs, query.windowS);
        return { type: 'signal-effect', requestId: query.id, nodeId: query.nodeId, version: query.version, windowS: query.windowS, before, after };
      },
    };
  }

  onClientReady(session: Session): void {
    session.send(this.activity());
  }

  onClientClosed(session: Session): void {
    this.watchers.delete(session);
  }

  health(): Record<string, unknown> {
    return {
      signalized: this.signals.nodeIds().length,
      adaptive: this.adaptive.adaptiveCount,
      maxPressure: this.modeByNode.size - this.adaptive.adaptiveCount,
      adaptiveChanges: this.adaptive.changesMade,
      watchers: this.watchers.size,
    };
  }

  /**
   * A restarted bridge (or a source that restarted with its default plans)
   * gets the newest plan of each node's history back, so history, audit and
   * the running city agree again.
   */
  private restoreNewestPlans(known: ReadonlySet<string>): void {
    for (const newest of this.history.newestOfEveryNode()) {
      const { nodeId } = newest.plan;
      if (!known.has(nodeId) || this.signals.runningPlan(nodeId).version >= newest.version) continue;
      this.signals.apply(newest.plan).then(
        () => this.context.log.info(`restored ${nodeId}'s plan version ${newest.version} from the history`),
        (error: unknown) => this.context.log.warn(`could not restore ${nodeId}'s plan version ${newest.version}: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }

  private onSecond(simTimeMs: number): void {
    this.simTimeMs = simTimeMs;
    this.series.sampleIfDue(simTimeMs, this.signals.nodeIds(), (nodeId) => {
      const measure = this.signals.measure(nodeId);
      return { delayPerVehS: measure.delayPerVehS, queueVeh: measure.approaches.reduce((sum, a) => sum + a.queueVeh, 0) };
    });
    for (const session of this.watchers.keys()) this.sendStatus(session);
    void this.adaptive.tick(simTimeMs);
    const nowMs = Date.now();
    if (nowMs - this.lastActivityAtMs >= ACTIVITY_INTERVAL_MS) {
      this.lastActivityAtMs = nowMs;
      this.context.clients.broadcast(this.activity());
    }
  }

  private sendStatus(session: Session): void {
    const nodeId = this.watchers.get(session);
    if (nodeId === undefined) return;
    session.send(signalStatus(this.signals, nodeId, this.modeOf(nodeId), this.adaptive.lastChange(nodeId)));
  }

  private activity(): SignalActivityMessage {
    const dayStartMs = zonedDayStartMs(this.simTimeMs, this.context.city.meta.timeZone);
    const settledBeforeMs = this.simTimeMs - ACTIVITY_EFFECT_WINDOW_S * 1000;
    return signalActivity({
      simTimeMs: this.simTimeMs,
      daySimStartMs: dayStartMs,
      counts: this.history.countsSince(dayStartMs),
      settledChanges: this.history.changesBetween(dayStartMs, settledBeforeMs, ACTIVITY_EFFECT_CHANGES),
      series: this.series,
      adaptiveIntersections: this.modeByNode.size,
      maxPressureIntersections: this.modeByNode.size - this.adaptive.adaptiveCount,
      signalizedIntersections: this.signals.nodeIds().length,
    });
  }

  private broadcastChange(nodeId: string, change: PlanVersion): void {
    this.context.clients.broadcast({ type: 'signal-plan-changed', nodeId, mode: this.modeOf(nodeId), change });
  }

  private modeOf(nodeId: string): SignalMode {
    return this.modeByNode.get(nodeId) ?? 'fixed';
  }

  /** Hands the node to the controller of `mode`: the adaptive re-splitter, the source's max-pressure rule, or its plan alone. */
  private enterMode(nodeId: string, mode: SignalMode): void {
    if (mode === 'fixed') this.modeByNode.delete(nodeId);
    else this.modeByNode.set(nodeId, mode);
    this.adaptive.setAdaptive(nodeId, mode === 'adaptive');
    this.signals.setActuation?.(nodeId, mode === 'maxpressure' ? 'maxpressure' : 'plan');
  }

  private bearingsOf(nodeId: string): ApproachBearings {
    let bearings = this.bearings.get(nodeId);
    if (!bearings) this.bearings.set(nodeId, (bearings = approachBearingsDeg(this.context.city.meta, nodeId)));
    return bearings;
  }

  /** The signalized nodes a mode change covers; not-found when there are none. */
  private scopeNodes(scope: 'intersection' | 'district', scopeId: string): string[] {
    if (scope === 'intersection') {
      this.plans.requireNode(scopeId);
      return [scopeId];
    }
    const inDistrict = new Set(this.context.city.meta.nodes.filter((n) => n.districtId === scopeId).map((n) => n.id));
    const nodeIds = this.signals.nodeIds().filter((nodeId) => inDistrict.has(nodeId));
    if (nodeIds.length === 0) throw new RequestError('not-found', `no signalized intersection in district ${JSON.stringify(scopeId)}`);
    return nodeIds;
  }
}
