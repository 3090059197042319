/**
 * Signal-timing control on the wire: watching one intersection's signal,
 * changing its plan, rolling back, switching adaptive mode, and the measured
 * effect of a change.
 *
 * Plans are full `SignalPlan`s carrying the next version; the bridge checks
 * them again with the same rules the panel shows as you type
 * (`signal-rules.ts`) and applies them at the next cycle boundary.
 */
import { arrayOf, literal, num, object, oneOf, optional, str } from './check';
import { ROLES } from './roles';
import { SIGNAL_INTERVALS, SIGNAL_MODES, TURNS, checkSignalPlan } from './signals';

const requestId = str({ minLength: 1, maxLength: 64 });
const nodeId = str({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_.:-]+$/ });
const epochMs = num({ min: 0 });
const version = num({ integer: true, min: 1 });
/** Why an operator made a change; required, shown in the plan's history and the audit log. */
const reason = str({ minLength: 1, maxLength: 500 });

/** Where a plan version came from. */
export const PLAN_ORIGINS = ['default', 'operator', 'rollback', 'adaptive', 'controller'] as const;
export type PlanOrigin = (typeof PLAN_ORIGINS)[number];

// ---------------------------------------------------------------- client → bridge

const applySignalPlanChecker = object({
  type: literal('apply-signal-plan'),
  id: requestId,
  /** The whole new plan, with `version` one above the node's newest. */
  plan: checkSignalPlan,
  reason,
});
/** Operator command: replace a node's plan from its next cycle boundary. */
export type ApplySignalPlanMessage = ReturnType<typeof applySignalPlanChecker>;

const rollbackSignalPlanChecker = object({
  type: literal('rollback-signal-plan'),
  id: requestId,
  nodeId,
  /** The earlier version whose timing comes back, as a new version. */
  toVersion: version,
  reason,
});
/** Operator command: bring back an earlier version's timing (as the next version). */
export type RollbackSignalPlanMessage = ReturnType<typeof rollbackSignalPlanChecker>;

const setSignalModeChecker = object({
  type: literal('set-signal-mode'),
  id: requestId,
  /** One intersection, or every signalized intersection of a district. */
  scope: oneOf(['intersection', 'district'] as const),
  scopeId: nodeId,
  mode: oneOf(SIGNAL_MODES),
  reason,
});
/** Operator command: switch adaptive mode on or off. */
export type SetSignalModeMessage = ReturnType<typeof setSignalModeChecker>;

const watchSignalChecker = object({ type: literal('watch-signal'), id: requestId, nodeId });
/** Replaces the session's watched signal; the reply is a `signal-history`, then `signal-status` follows about once a second. Any role. */
export type WatchSignalMessage = ReturnType<typeof watchSignalChecker>;

const unwatchSignalChecker = object({ type: literal('unwatch-signal'), id: requestId });
export type UnwatchSignalMessage = ReturnType<typeof unwatchSignalChecker>;

const signalEffectRequestChecker = object({
  type: literal('get-signal-effect'),
  id: requestId,
  nodeId,
  /** The plan version whose effect is asked for. */
  version,
  /** Length of the before and the after window, sim seconds, 5 min to 2 h. */
  windowS: num({ min: 300, max: 7200 }),
});
/** Any role: measured delay and queue before vs after a plan version took effect; the reply is `signal-effect`. */
export type GetSignalEffectMessage = ReturnType<typeof signalEffectRequestChecker>;

export const signalClientCheckers = {
  'apply-signal-plan': applySignalPlanChecker,
  'rollback-signal-plan': rollbackSignalPlanChecker,
  'set-signal-mode': setSignalModeChecker,
  'watch-signal': watchSignalChecker,
  'unwatch-signal': unwatchSignalChecker,
  'get-signal-effect': signalEffectRequestChecker,
} as const;

export const SIGNAL_COMMAND_TYPES = ['apply-signal-plan', 'rollback-signal-plan', 'set-signal-mode'] as const;
export const SIGNAL_QUERY_TYPES = ['watch-signal', 'unwatch-signal', 'get-signal-effect'] as const;

// ---------------------------------------------------------------- bridge → client

const planVersion = object({
  version,
  plan: checkSignalPlan,
  origin: oneOf(PLAN_ORIGINS),
  /** Who made the change: a role and a session label, or `system` for default and adaptive plans. */
  actorRole: oneOf([...ROLES, 'system'] as const),
  actorLabel: str({ maxLength: 128 }),
  reason: str({ maxLength: 500 }),
  /** Wall time the bridge accepted it, ms since the epoch. */
  acceptedAtMs: epochMs,
  /** Sim time it took (or takes) over: the running plan's next cycle boundary, ms since the epoch. */
  effectiveSimTimeMs: epochMs,
});
export type PlanVersion = ReturnType<typeof planVersion>;

const linkId = str({ minLength: 1, maxLength: 64 });
const movement = object({
  /** `${inLinkId}>${outLinkId}`. */
  id: str({ minLength: 3, maxLength: 129 }),
  inLinkId: linkId,
  outLinkId: linkId,
  turn: oneOf(TURNS),
});

const signalHistoryChecker = object({
  type: literal('signal-history'),
  requestId: optional(requestId),
  nodeId,
  /** Oldest first; the last is the newest (possibly still pending). At most the latest 1000. */
  versions: arrayOf(planVersion, { maxLength: 1000 }),
  /**
   * Every movement through the node: what `checkPlanRules` (signal-rules.ts)
   * needs, with the approach bearings from the city meta, to check an edited
   * plan as the bridge will. Always sent by this bridge.
   */
  movements: optional(arrayOf(movement, { maxLength: 64 })),
});
export type SignalHistoryMessage = ReturnType<typeof signalHistoryChecker>;

/** Demand of one phase's critical movement, what Webster's formulas take. */
const phaseDemand = object({
  phaseId: str({ minLength: 1, maxLength: 64 }),
  /** Measured arrival flow of the phase's critical movement over the last minutes, veh/h. */
  flowVehPerH: num({ min: 0 }),
  /** Its saturation flow (discharge rate over a full green), veh/h. */
  saturationFlowVehPerH: num({ min: 1 }),
});
export type PhaseDemand = ReturnType<typeof phaseDemand>;

const signalStatusChecker = object({
  type: literal('signal-status'),
  nodeId,
  simTimeMs: epochMs,
  mode: oneOf(SIGNAL_MODES),
  /** The plan running now. */
  plan: checkSignalPlan,
  /** A newer plan waiting for the cycle boundary, and when it takes over (sim ms). */
  pending: optional(object({ plan: checkSignalPlan, effectiveSimTimeMs: epochMs })),
  phaseIndex: num({ integer: true, min: 0 }),
  interval: oneOf(SIGNAL_INTERVALS),
  remainingS: num({ min: 0 }),
  approaches: arrayOf(object({ linkId: nodeId, volumeVehPerH: num({ min: 0 }), queueVeh: num({ min: 0 }) }), { maxLength: 16 }),
  /** One entry per phase of `plan`, same order. */
  phaseDemand: arrayOf(phaseDemand, { maxLength: 16 }),
  /** Measured mean control delay per vehicle over the last minutes, seconds. */
  delayPerVehS: num({ min: 0 }),
  /** The adaptive controller's latest change at this node, if any. */
  lastAdaptiveChange: optional(object({ version, effectiveSimTimeMs: epochMs, summary: str({ maxLength: 500 }) })),
});
/** The watched signal now, about once a second. */
export type SignalStatusMessage = ReturnType<typeof signalStatusChecker>;

const signalPlanChangedChecker = object({
  type: literal('signal-plan-changed'),
  nodeId,
  mode: oneOf(SIGNAL_MODES),
  change: planVersion,
});
/** To every client: a node's plan or mode changed (by an operator, a rollback or the adaptive controller). */
export type SignalPlanChangedMessage = ReturnType<typeof signalPlanChangedChecker>;

const effectWindow = object({
  /** Mean control delay per vehicle, seconds. */
  delayPerVehS: num({ min: 0 }),
  /** Mean vehicles queued on the approaches. */
  queueVeh: num({ min: 0 }),
  /** Sim seconds of the window actually measured (less than asked while the after-window is still running). */
  coveredS: num({ min: 0 }),
});

const signalEffectChecker = object({
  type: literal('signal-effect'),
  requestId: optional(requestId),
  nodeId,
  version,
  windowS: num({ min: 0 }),
  before: effectWindow,
  after: effectWindow,
});
export type SignalEffectMessage = ReturnType<typeof signalEffectChecker>;

const signalActivityChecker = object({
  type: literal('signal-activity'),
  /** Start of the sim day the counts cover, ms since the epoch (local midnight). */
  daySimStartMs: epochMs,
  /** Plan changes accepted today by operators and rollbacks. */
  operatorChangesToday: num({ integer: true, min: 0 }),
  /** Plan changes made today by the adaptive controller. */
  adaptiveChangesToday: num({ integer: true, min: 0 }),
  adaptiveIntersections: num({ integer: true, min: 0 }),
  fixedIntersections: num({ integer: true, min: 0 }),
  /**
   * Mean change of delay per vehicle at the intersections changed today,
   * 30 sim minutes after vs before each change, percent (negative = better);
   * absent until one change has a full after-window.
   */
  delayChangePct: optional(num({ min: -100, max: 10_000 })),
});
/** To every client, on connect and about every 10 s: today's signal work, for the cockpit. */
export type SignalActivityMessage = ReturnType<typeof signalActivityChecker>;

export const signalServerCheckers = {
  'signal-history': signalHistoryChecker,
  'signal-status': signalStatusChecker,
  'signal-plan-changed': signalPlanChangedChecker,
  'signal-effect': signalEffectChecker,
  'signal-activity': signalActivityChecker,
} as const;
