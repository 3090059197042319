/**
 * The payloads of the MQTT topics (examples in README.md) and their
 * schemas. Every JSON payload is an object with exactly these fields;
 * `ts` is when the field device measured or decided, ms since the epoch.
 */
import * as v from 'valibot';
import { DEVICE_STATUSES } from '../../protocol/drill-messages';
import { requestId } from '../../protocol/fields';
import { SIGNAL_INTERVALS, type SignalPlan } from '../../protocol/signals';
import { ValidationError, rule } from '../../protocol/validation';

const epochMs = v.pipe(v.number(), v.minValue(0), v.maxValue(1e13));

/** `detector/<linkId>`: what a link's detectors measured over their last interval. */
export const detectorReadingSchema = v.strictObject({
  ts: epochMs,
  /** Space-mean speed, km/h. */
  speedKmh: v.pipe(v.number(), v.minValue(0), v.maxValue(300)),
  /** Vehicles per hour over all lanes. */
  flowVehPerH: v.pipe(v.number(), v.minValue(0), v.maxValue(20_000)),
  /** Share of the time a detector was covered by a vehicle, percent. */
  occupancyPct: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
});
export type DetectorReading = v.InferOutput<typeof detectorReadingSchema>;

/** `signal/<nodeId>/state`: the controller's phase now. */
export const signalStateReportSchema = v.strictObject({
  ts: epochMs,
  /** Version of the plan the controller runs. */
  planVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  phaseIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(15)),
  interval: v.picklist(SIGNAL_INTERVALS),
  /** Seconds until the interval ends, as of `ts`. */
  remainingS: v.pipe(v.number(), v.minValue(0), v.maxValue(600)),
});
export type SignalStateReport = v.InferOutput<typeof signalStateReportSchema>;

/** `signal/<nodeId>/cmd`, published by the bridge: run this plan. */
export interface SignalCommand {
  requestId: string;
  plan: SignalPlan;
}

/** `signal/<nodeId>/ack`: the controller's answer to a command: ok with its effective time, or refused with a reason. */
export const signalAckSchema = v.pipe(
  v.strictObject({
    requestId,
    ok: v.boolean(),
    /** With ok: when the plan takes over, ms since the epoch (the controller waits for its cycle boundary). */
    effectiveTs: v.optional(epochMs),
    /** Without ok: why the controller refused. */
    reason: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(500))),
  }),
  rule((ack) => {
    const [needed, unwanted] = ack.ok ? (['effectiveTs', 'reason'] as const) : (['reason', 'effectiveTs'] as const);
    if (ack[needed] === undefined) return { path: [needed], reason: `is required when ok is ${ack.ok}` };
    if (ack[unwanted] !== undefined) return { path: [unwanted], reason: `goes only with ok ${!ack.ok}` };
    return undefined;
  }),
  v.transform((ack): SignalAck =>
    ack.ok ? { requestId: ack.requestId, ok: true, effectiveTs: ack.effectiveTs! } : { requestId: ack.requestId, ok: false, reason: ack.reason! },
  ),
);
export type SignalAck = { requestId: string; ok: true; effectiveTs: number } | { requestId: string; ok: false; reason: string };

/** `device/<deviceId>/status`: a device's health and, for devices that measure, its latest value. */
export const deviceStatusSchema = v.strictObject({
  ts: epochMs,
  status: v.picklist(DEVICE_STATUSES),
  reading: v.optional(
    v.strictObject({
      /** What is measured, e.g. `pm25`, `speed`. */
      quantity: v.pipe(v.string(), v.minLength(1), v.maxLength(32)),
      value: v.number(),
      unit: v.pipe(v.string(), v.minLength(1), v.maxLength(16)),
    }),
  ),
});
export type DeviceStatusReport = v.InferOutput<typeof deviceStatusSchema>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The payload as UTF-8 text; throws a ValidationError for bytes that are not. */
export function payloadText(payload: Uint8Array, path: string): string {
  try {
    return utf8.decode(payload);
  } catch {
    throw new ValidationError(path, `is not UTF-8 text (${payload.byteLength} bytes of binary)`);
  }
}

/** The payload parsed as JSON; throws a ValidationError for text that is not JSON. */
export function payloadJson(payload: Uint8Array, path: string): unknown {
  const text = payloadText(payload, path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(path, `is not JSON: ${(error as Error).message.slice(0, 80)}`);
  }
}
