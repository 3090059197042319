/**
 * Security and safety alerts on the wire: the alert model with CAP 1.2 style
 * fields, its status lifecycle, its schemas, and the pure reducer a client
 * applies the alert stream with.
 *
 * Every change of an alert is an event on one stream with the next sequence
 * number (gap-free); the event carries the alert's whole state after the
 * change, so applying the newest event of an alert is all a client needs.
 *
 * Clocks: `simTimeMs` is the city's clock (sim time in demo mode, wall time
 * with a live source); every other time is wall time, ms since the epoch,
 * because it measures what people did and when.
 */
import * as v from 'valibot';
import { count, entityId, epochMs, localized, metres, nonEmptyText, pointM, requestId, text } from './fields';
import { rule } from './validation';

export const ALERT_KINDS = [
  'intrusion',
  'crowd-density',
  'fight',
  'fire-alarm',
  'emergency-call',
  'noise-complaint',
  'traffic-accident',
  'device-offline',
  /** Derived by the bridge when several kinds rise together in one area; links its contributors. */
  'risk-point',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** CAP 1.2 `<category>` values. */
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];
/** CAP 1.2 `<urgency>` values, most urgent first. */
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export type CapUrgency = (typeof CAP_URGENCIES)[number];
/** CAP 1.2 `<severity>` values, most severe first. */
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
/** CAP 1.2 `<certainty>` values, most certain first. */
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** Severities that escalate when nobody acknowledges them in time. */
export const ESCALATING_SEVERITIES: readonly CapSeverity[] = ['Extreme', 'Severe'];

export const ALERT_STATUSES = ['new', 'acknowledged', 'dispatched', 'resolved', 'false-alarm'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** Statuses an alert leaves no more. */
export const CLOSED_ALERT_STATUSES: readonly AlertStatus[] = ['resolved', 'false-alarm'];
export const isOpenAlertStatus = (status: AlertStatus): boolean => !CLOSED_ALERT_STATUSES.includes(status);

/** What an operator or admin can do to an alert. */
export const ALERT_ACTIONS = ['acknowledge', 'dispatch', 'resolve', 'false-alarm'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** The lifecycle: new → acknowledged → dispatched → resolved, or → false-alarm from any open status. */
export const ALERT_TRANSITIONS: Readonly<Record<AlertAction, { from: readonly AlertStatus[]; to: AlertStatus }>> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  dispatch: { from: ['acknowledged'], to: 'dispatched' },
  resolve: { from: ['dispatched'], to: 'resolved' },
  'false-alarm': { from: ['new', 'acknowledged', 'dispatched'], to: 'false-alarm' },
};

/** The status an action leads to from `status`, or null when the lifecycle does not allow it. */
export function nextAlertStatus(status: AlertStatus, action: AlertAction): AlertStatus | null {
  const transition = ALERT_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** The actions the lifecycle allows from `status`, for the UI's action bar. */
export const allowedAlertActions = (status: AlertStatus): AlertAction[] =>
  ALERT_ACTIONS.filter((action) => nextAlertStatus(status, action) !== null);

/** Who may see an alert's data: public, sensitive (personal data) or core (critical facilities). */
export const DATA_CLASSIFICATIONS = ['public', 'sensitive', 'core'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** Where an alert came from. */
export const ALERT_SOURCES = ['demo', 'simulator', 'cap', 'correlation', 'field'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

/** Who changed an alert: an operator or admin session, or the bridge itself (generator, escalation, correlation). */
export const ALERT_ACTOR_ROLES = ['operator', 'admin', 'system'] as const;
/** What a history entry records: the alert being raised, an operator action, or an escalation. */
export const ALERT_HISTORY_ACTIONS = ['raise', ...ALERT_ACTIONS, 'escalate'] as const;

/** Longest note an operator may attach to an action, characters. */
export const MAX_ALERT_NOTE_LENGTH = 500;

const alertId = entityId;
const cityId = entityId;
const seq = v.pipe(v.number(), v.integer(), v.minValue(1));
const note = nonEmptyText(MAX_ALERT_NOTE_LENGTH);
const assignee = nonEmptyText(64);

const pointSchema = v.strictObject({ shape: v.literal('point'), xM: metres, yM: metres });
const circleSchema = v.strictObject({
  shape: v.literal('circle'),
  xM: metres,
  yM: metres,
  radiusM: v.pipe(v.number(), v.minValue(0), v.maxValue(1e5)),
});
const polygonSchema = v.strictObject({
  shape: v.literal('polygon'),
  ringM: v.pipe(v.array(pointM), v.maxLength(1000), v.minLength(3, 'needs at least 3 points')),
});
const areaSchema = v.variant('shape', [pointSchema, circleSchema, polygonSchema]);

/**
 * Where an alert is, in the city's local metres (x east, y north of the city
 * origin): a point, a circle, or a polygon as a ring (first point not repeated).
 */
export type AlertArea = v.InferOutput<typeof areaSchema>;

/** The centre of an area, [xM, yM]: where the marker goes and what distances are measured from. */
export function alertAreaCentre(area: AlertArea): [number, number] {
  if (area.shape !== 'polygon') return [area.xM, area.yM];
  const sum = area.ringM.reduce(([sx, sy], [x, y]) => [sx + x, sy + y], [0, 0]);
  return [sum[0] / area.ringM.length, sum[1] / area.ringM.length];
}

const historyEntrySchema = v.strictObject({
  atMs: epochMs,
  actor: v.strictObject({
    role: v.picklist(ALERT_ACTOR_ROLES),
    /** The session or user, e.g. `console/0.1@3f2a9c1d`, or the bridge part, e.g. `escalation`. */
    label: nonEmptyText(128),
  }),
  action: v.picklist(ALERT_HISTORY_ACTIONS),
  /** The status after this entry. */
  status: v.picklist(ALERT_STATUSES),
  note: v.optional(note),
  assignee: v.optional(assignee),
});
/** One change in an alert's life: who (role and label), what, when, and the operator's note. */
export type AlertHistoryEntry = v.InferOutput<typeof historyEntrySchema>;

const alertFields = {
  id: alertId,
  /** Sequence number of the event that produced this state. */
  seq,
  kind: v.picklist(ALERT_KINDS),
  source: v.picklist(ALERT_SOURCES),
  category: v.picklist(CAP_CATEGORIES),
  urgency: v.picklist(CAP_URGENCIES),
  severity: v.picklist(CAP_SEVERITIES),
  certainty: v.picklist(CAP_CERTAINTIES),
  headline: localized(160),
  description: localized(2000),
  area: areaSchema,
  districtId: cityId,
  deviceId: v.optional(cityId),
  linkId: v.optional(cityId),
  /** The traffic incident a traffic-accident alert reports (demo source). */
  incidentId: v.optional(nonEmptyText(64)),
  /** The CAP message an ingested alert came from; `sent` is its `<sent>` verbatim. */
  cap: v.optional(
    v.strictObject({
      sender: nonEmptyText(256),
      identifier: nonEmptyText(256),
      sent: text(64),
    }),
  ),
  /** City-clock time the alert was raised, ms since the epoch; what correlation windows and per-hour charts use. */
  simTimeMs: epochMs,
  /** Wall time the bridge raised (stored) the alert. */
  sentAtMs: epochMs,
  acknowledgedAtMs: v.optional(epochMs),
  /** Wall time the alert was closed: resolved or marked a false alarm. */
  resolvedAtMs: v.optional(epochMs),
  /** Set once the alert escalated (severe and unacknowledged for too long): the flag and its wall time. */
  escalatedAtMs: v.optional(epochMs),
  status: v.picklist(ALERT_STATUSES),
  history: v.pipe(v.array(historyEntrySchema), v.maxLength(100)),
  /** Unit or person dispatched. */
  assignee: v.optional(assignee),
  classification: v.picklist(DATA_CLASSIFICATIONS),
  /** Personal data, masked by the bridge for viewers (name → first character + `**`, phone → last 4 digits). */
  sensitive: v.optional(v.strictObject({ callerName: v.optional(text(64)), callerPhone: v.optional(text(32)) })),
  /** A risk point's contributing alerts. */
  linkedAlertIds: v.pipe(v.array(alertId), v.maxLength(200)),
};
export const alertSchema = v.strictObject(alertFields);
export type Alert = v.InferOutput<typeof alertSchema>;

// ---------------------------------------------------------------- messages (registered in messages.ts)

const streamId = nonEmptyText(64);

export const alertEventSchema = v.pipe(
  v.strictObject({ type: v.literal('alert-event'), seq, alert: alertSchema }),
  rule((event) =>
    event.alert.seq === event.seq
      ? undefined
      : { path: ['alert', 'seq'], reason: `must equal the event's seq ${event.seq}, got ${event.alert.seq}` },
  ),
);
/** Server push: an alert changed; `alert` is its whole state after the change, with `alert.seq === seq`. */
export type AlertEventMessage = v.InferOutput<typeof alertEventSchema>;

export const alertSnapshotSchema = v.strictObject({
  type: v.literal('alert-snapshot'),
  /** Identifies the stream; a client resuming another stream gets a snapshot instead of events. */
  streamId,
  /** The stream's last sequence number when the snapshot was taken; live events follow from seq + 1. */
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Open alerts and those closed in the last 24 h. */
  alerts: v.pipe(v.array(alertSchema), v.maxLength(200_000)),
});
/** Server push, the first alert message of a connection that cannot resume: the whole current picture. */
export type AlertSnapshotMessage = v.InferOutput<typeof alertSnapshotSchema>;

export const alertActionSchema = v.pipe(
  v.strictObject({
    type: v.literal('alert-action'),
    id: requestId,
    alertId,
    action: v.picklist(ALERT_ACTIONS),
    /** Why, in the operator's words; 1–500 characters. */
    note,
    /** Unit or person dispatched; only with `dispatch`. */
    assignee: v.optional(assignee),
  }),
  rule((action) =>
    action.assignee !== undefined && action.action !== 'dispatch'
      ? { path: ['assignee'], reason: `only goes with dispatch, not ${action.action}` }
      : undefined,
  ),
);
/** Operator command: move an alert along its lifecycle. */
export type AlertActionMessage = v.InferOutput<typeof alertActionSchema>;

/** What a client sends in `hello.resume` to continue the alert stream where it left off. */
export const alertResumeFields = {
  /** Last alert sequence number the client has applied without a gap. */
  alerts: v.optional(count),
  /** The stream that number belongs to (from `alert-snapshot.streamId`). */
  alertStream: v.optional(streamId),
};

// ---------------------------------------------------------------- the client's reducer

/** A client's picture of the alert stream. Treat as immutable: every apply returns a new state or the same one. */
export interface AlertStreamState {
  /** The stream the picture belongs to; null before the first snapshot. */
  streamId: string | null;
  /** Every event up to this sequence number has been applied. */
  lastSeq: number;
  /** Sequence numbers above `lastSeq` already applied, ascending; not empty only after a gap (resume to fill it). */
  aheadSeqs: readonly number[];
  /** Each alert once, in its newest known state, by id. */
  alerts: ReadonlyMap<string, Alert>;
}

export const EMPTY_ALERT_STREAM: AlertStreamState = { streamId: null, lastSeq: 0, aheadSeqs: [], alerts: new Map() };

/** A snapshot replaces the picture: the bridge sends one only as the first alert message of a connection. */
export function applyAlertSnapshot(_state: AlertStreamState, snapshot: Pick<AlertSnapshotMessage, 'streamId' | 'seq' | 'alerts'>): AlertStreamState {
  return { streamId: snapshot.streamId, lastSeq: snapshot.seq, aheadSeqs: [], alerts: new Map(snapshot.alerts.map((alert) => [alert.id, alert])) };
}

/**
 * Applies one event. An event already applied (seq ≤ lastSeq, or seen ahead
 * of a gap) changes nothing, so duplicates are harmless; an event older than
 * the alert's state in hand does not overwrite it, so reordering is harmless.
 * `lastSeq` only moves over contiguous events, so a resume after a gap asks
 * for exactly what is missing.
 */
export function applyAlertEvent(state: AlertStreamState, event: Pick<AlertEventMessage, 'seq' | 'alert'>): AlertStreamState {
  const { seq, alert } = event;
  if (seq <= state.lastSeq || state.aheadSeqs.includes(seq)) return state;
  const known = state.alerts.get(alert.id);
  const alerts = known && known.seq > seq ? state.alerts : new Map(state.alerts).set(alert.id, alert);
  const ahead = [...state.aheadSeqs, seq].sort((a, b) => a - b);
  let lastSeq = state.lastSeq;
  while (ahead[0] === lastSeq + 1) {
    lastSeq++;
    ahead.shift();
  }
  return { streamId: state.streamId, lastSeq, aheadSeqs: ahead, alerts };
}

/** True when an event went missing: the client should reconnect (resume) to get it. */
export const alertStreamHasGap = (state: AlertStreamState): boolean => state.aheadSeqs.length > 0;

/** What to put in `hello.resume` for this picture; undefined asks for a snapshot. */
export function alertResumeOf(state: AlertStreamState): { alerts: number; alertStream: string } | undefined {
  return state.streamId === null ? undefined : { alerts: state.lastSeq, alertStream: state.streamId };
}
