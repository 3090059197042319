/**
 * Signal-timing control on the wire: watching one intersection's signal,
 * changing its plan, rolling back, switching adaptive mode, and the measured
 * effect of a change.
 *
 * Plans are full `SignalPlan`s carrying the next version; the bridge checks
 * them again with the same rules the panel shows as you type
 * (`signal-rules.ts`) and applies them at the next cycle boundary.
 */
import * as v from 'valibot';
import { count, entityId, epochMs, nonEmptyText, requestId, text } from './fields';
import { ROLES } from './roles';
import { SIGNAL_INTERVALS, SIGNAL_MODES, TURNS, signalPlanSchema } from './signals';

const nodeId = entityId;
const version = v.pipe(v.number(), v.integer(), v.minValue(1));
/** Why an operator made a change; required, shown in the plan's history and the audit log. */
const reason = nonEmptyText(500);

/** Where a plan version came from. */
export const PLAN_ORIGINS = ['default', 'operator', 'rollback', 'adaptive', 'controller'] as const;
export type PlanOrigin = (typeof PLAN_ORIGINS)[number];

// ---------------------------------------------------------------- client → bridge

const applySignalPlanSchema = v.strictObject({
  type: v.literal('apply-signal-plan'),
  id: requestId,
  /** The whole new plan, with `version` one above the node's newest. */
  plan: signalPlanSchema,
  reason,
});
/** Operator command: replace a node's plan from its next cycle boundary. */
export type ApplySignalPlanMessage = v.InferOutput<typeof applySignalPlanSchema>;

const rollbackSignalPlanSchema = v.strictObject({
  type: v.literal('rollback-signal-plan'),
  id: requestId,
  nodeId,
  /** The earlier version whose timing comes back, as a new version. */
  toVersion: version,
  reason,
});
/** Operator command: bring back an earlier version's timing (as the next version). */
export type RollbackSignalPlanMessage = v.InferOutput<typeof rollbackSignalPlanSchema>;

const setSignalModeSchema = v.strictObject({
  type: v.literal('set-signal-mode'),
  id: requestId,
  /** One intersection, or every signalized intersection of a district. */
  scope: v.picklist(['intersection', 'district'] as const),
  scopeId: nodeId,
  mode: v.picklist(SIGNAL_MODES),
  reason,
});
/** Operator command: switch adaptive mode on or off. */
export type SetSignalModeMessage = v.InferOutput<typeof setSignalModeSchema>;

const watchSignalSchema = v.strictObject({ type: v.literal('watch-signal'), id: requestId, nodeId });
/** Replaces the session's watched signal; the reply is a `signal-history`, then `signal-status` follows about once a second. Any role. */
export type WatchSignalMessage = v.InferOutput<typeof watchSignalSchema>;

const unwatchSignalSchema = v.strictObject({ type: v.literal('unwatch-signal'), id: requestId });
export type UnwatchSignalMessage = v.InferOutput<typeof unwatchSignalSchema>;

const signalEffectRequestSchema = v.strictObject({
  type: v.literal('get-signal-effect'),
  id: requestId,
  nodeId,
  /** The plan version whose effect is asked for. */
  version,
  /** Length of the before and the after window, sim seconds, 5 min to 2 h. */
  windowS: v.pipe(v.number(), v.minValue(300), v.maxValue(7200)),
});
/** Any role: measured delay and queue before vs after a plan version took effect; the reply is `signal-effect`. */
export type GetSignalEffectMessage = v.InferOutput<typeof signalEffectRequestSchema>;

export const signalClientSchemas = {
  'apply-signal-plan': applySignalPlanSchema,
  'rollback-signal-plan': rollbackSignalPlanSchema,
  'set-signal-mode': setSignalModeSchema,
  'watch-signal': watchSignalSchema,
  'unwatch-signal': unwatchSignalSchema,
  'get-signal-effect': signalEffectRequestSchema,
} as const;

export const SIGNAL_COMMAND_TYPES = ['apply-signal-plan', 'rollback-signal-plan', 'set-signal-mode'] as const;
export const SIGNAL_QUERY_TYPES = ['watch-signal', 'unwatch-signal', 'get-signal-effect'] as const;

// ---------------------------------------------------------------- bridge → client

const planVersion = v.strictObject({
  version,
  plan: signalPlanSchema,
  origin: v.picklist(PLAN_ORIGINS),
  /** Who made the change: a role and a session label, or `system` for default and adaptive plans. */
  actorRole: v.picklist([...ROLES, 'system'] as const),
  actorLabel: text(128),
  reason: text(500),
  /** Wall time the bridge accepted it, ms since the epoch. */
  acceptedAtMs: epochMs,
  /** Sim time it took (or takes) over: the running plan's next cycle boundary, ms since the epoch. */
  effectiveSimTimeMs: epochMs,
});
export type PlanVersion = v.InferOutput<typeof planVersion>;

const linkId = nonEmptyText(64);
const movement = v.strictObject({
  /** `${inLinkId}>${outLinkId}`. */
  id: v.pipe(v.string(), v.minLength(3), v.maxLength(129)),
  inLinkId: linkId,
  outLinkId: linkId,
  turn: v.picklist(TURNS),
});

const signalHistorySchema = v.strictObject({
  type: v.literal('signal-history'),
  requestId: v.optional(requestId),
  nodeId,
  /** Oldest first; the last is the newest (possibly still pending). At most the latest 1000. */
  versions: v.pipe(v.array(planVersion), v.maxLength(1000)),
  /**
   * Every movement through the node: what `checkPlanRules` (signal-rules.ts)
   * needs, with the approach bearings from the city meta, to check an edited
   * plan as the bridge will. Always sent by this bridge.
   */
  movements: v.optional(v.pipe(v.array(movement), v.maxLength(64))),
});
export type SignalHistoryMessage = v.InferOutput<typeof signalHistorySchema>;

/** Demand of one phase's critical movement, what Webster's formulas take. */
const phaseDemand = v.strictObject({
  phaseId: nonEmptyText(64),
  /** Measured arrival flow of the phase's critical movement over the last minutes, veh/h. */
  flowVehPerH: v.pipe(v.number(), v.minValue(0)),
  /** Its saturation flow (discharge rate over a full green), veh/h. */
  saturationFlowVehPerH: v.pipe(v.number(), v.minValue(1)),
});
export type PhaseDemand = v.InferOutput<typeof phaseDemand>;

const signalStatusSchema = v.strictObject({
  type: v.literal('signal-status'),
  nodeId,
  simTimeMs: epochMs,
  mode: v.picklist(SIGNAL_MODES),
  /** The plan running now. */
  plan: signalPlanSchema,
  /** A newer plan waiting for the cycle boundary, and when it takes over (sim ms). */
  pending: v.optional(v.strictObject({ plan: signalPlanSchema, effectiveSimTimeMs: epochMs })),
  phaseIndex: count,
  interval: v.picklist(SIGNAL_INTERVALS),
  remainingS: v.pipe(v.number(), v.minValue(0)),
  approaches: v.pipe(
    v.array(v.strictObject({ linkId: nodeId, volumeVehPerH: v.pipe(v.number(), v.minValue(0)), queueVeh: v.pipe(v.number(), v.minValue(0)) })),
    v.maxLength(16),
  ),
  /** One entry per phase of `plan`, same order. */
  phaseDemand: v.pipe(v.array(phaseDemand), v.maxLength(16)),
  /** Measured mean control delay per vehicle over the last minutes, seconds. */
  delayPerVehS: v.pipe(v.number(), v.minValue(0)),
  /** The adaptive controller's latest change at this node, if any. */
  lastAdaptiveChange: v.optional(v.strictObject({ version, effectiveSimTimeMs: epochMs, summary: text(500) })),
});
/** The watched signal now, about once a second. */
export type SignalStatusMessage = v.InferOutput<typeof signalStatusSchema>;

const signalPlanChangedSchema = v.strictObject({
  type: v.literal('signal-plan-changed'),
  nodeId,
  mode: v.picklist(SIGNAL_MODES),
  change: planVersion,
});
/** To every client: a node's plan or mode changed (by an operator, a rollback or the adaptive controller). */
export type SignalPlanChangedMessage = v.InferOutput<typeof signalPlanChangedSchema>;

const effectWindow = v.strictObject({
  /** Mean control delay per vehicle, seconds. */
  delayPerVehS: v.pipe(v.number(), v.minValue(0)),
  /** Mean vehicles queued on the approaches. */
  queueVeh: v.pipe(v.number(), v.minValue(0)),
  /** Sim seconds of the window actually measured (less than asked while the after-window is still running). */
  coveredS: v.pipe(v.number(), v.minValue(0)),
});

const signalEffectSchema = v.strictObject({
  type: v.literal('signal-effect'),
  requestId: v.optional(requestId),
  nodeId,
  version,
  windowS: v.pipe(v.number(), v.minValue(0)),
  before: effectWindow,
  after: effectWindow,
});
export type SignalEffectMessage = v.InferOutput<typeof signalEffectSchema>;

const signalActivitySchema = v.strictObject({
  type: v.literal('signal-activity'),
  /** Start of the sim day the counts cover, ms since the epoch (local midnight). */
  daySimStartMs: epochMs,
  /** Plan changes accepted today by operators and rollbacks. */
  operatorChangesToday: count,
  /** Plan changes made today by the adaptive controller. */
  adaptiveChangesToday: count,
  /** Intersections whose controller follows measured traffic: adaptive re-splitting or max-pressure. */
  adaptiveIntersections: count,
  /** Of `adaptiveIntersections`, those run by max-pressure; absent from a bridge that predates the mode (read as 0). */
  maxPressureIntersections: v.optional(count),
  fixedIntersections: count,
  /**
   * Mean change of delay per vehicle at the intersections changed today,
   * 30 sim minutes after vs before each change, percent (negative = better);
   * absent until one change has a full after-window.
   */
  delayChangePct: v.optional(v.pipe(v.number(), v.minValue(-100), v.maxValue(10_000))),
});
/** To every client, on connect and about every 10 s: today's signal work, for the cockpit. */
export type SignalActivityMessage = v.InferOutput<typeof signalActivitySchema>;

export const signalServerSchemas = {
  'signal-history': signalHistorySchema,
  'signal-status': signalStatusSchema,
  'signal-plan-changed': signalPlanChangedSchema,
  'signal-effect': signalEffectSchema,
  'signal-activity': signalActivitySchema,
} as const;
