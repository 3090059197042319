/**
 * The payloads of the MQTT topics (examples in README.md) and their
 * checkers. Every JSON payload is an object with exactly these fields;
 * `ts` is when the field device measured or decided, ms since the epoch.
 */
import { type Checker, ValidationError, bool, num, object, oneOf, optional, str } from '../../protocol/check';
import { DEVICE_STATUSES } from '../../protocol/drill-messages';
import { SIGNAL_INTERVALS, type SignalPlan } from '../../protocol/signals';

const epochMs = num({ min: 0, max: 1e13 });
const requestId = str({ minLength: 1, maxLength: 64 });

/** `detector/<linkId>`: what a link's detectors measured over their last interval. */
export const detectorReadingChecker = object({
  ts: epochMs,
  /** Space-mean speed, km/h. */
  speedKmh: num({ min: 0, max: 300 }),
  /** Vehicles per hour over all lanes. */
  flowVehPerH: num({ min: 0, max: 20_000 }),
  /** Share of the time a detector was covered by a vehicle, percent. */
  occupancyPct: num({ min: 0, max: 100 }),
});
export type DetectorReading = ReturnType<typeof detectorReadingChecker>;

/** `signal/<nodeId>/state`: the controller's phase now. */
export const signalStateReportChecker = object({
  ts: epochMs,
  /** Version of the plan the controller runs. */
  planVersion: num({ integer: true, min: 1 }),
  phaseIndex: num({ integer: true, min: 0, max: 15 }),
  interval: oneOf(SIGNAL_INTERVALS),
  /** Seconds until the interval ends, as of `ts`. */
  remainingS: num({ min: 0, max: 600 }),
});
export type SignalStateReport = ReturnType<typeof signalStateReportChecker>;

/** `signal/<nodeId>/cmd`, published by the bridge: run this plan. */
export interface SignalCommand {
  requestId: string;
  plan: SignalPlan;
}

const ackFields = object({
  requestId,
  ok: bool,
  /** With ok: when the plan takes over, ms since the epoch (the controller waits for its cycle boundary). */
  effectiveTs: optional(epochMs),
  /** Without ok: why the controller refused. */
  reason: optional(str({ minLength: 1, maxLength: 500 })),
});

/** `signal/<nodeId>/ack`: the controller's answer to a command. */
export type SignalAck = { requestId: string; ok: true; effectiveTs: number } | { requestId: string; ok: false; reason: string };

export const signalAckChecker: Checker<SignalAck> = (value, path) => {
  const ack = ackFields(value, path);
  if (ack.ok) {
    if (ack.effectiveTs === undefined) throw new ValidationError(`${path}.effectiveTs`, 'is required when ok is true');
    if (ack.reason !== undefined) throw new ValidationError(`${path}.reason`, 'goes only with ok false');
    return { requestId: ack.requestId, ok: true, effectiveTs: ack.effectiveTs };
  }
  if (ack.reason === undefined) throw new ValidationError(`${path}.reason`, 'is required when ok is false');
  if (ack.effectiveTs !== undefined) throw new ValidationError(`${path}.effectiveTs`, 'goes only with ok true');
  return { requestId: ack.requestId, ok: false, reason: ack.reason };
};

/** `device/<deviceId>/status`: a device's health and, for devices that measure, its latest value. */
export const deviceStatusChecker = object({
  ts: epochMs,
  status: oneOf(DEVICE_STATUSES),
  reading: optional(
    object({
      /** What is measured, e.g. `pm25`, `speed`. */
      quantity: str({ minLength: 1, maxLength: 32 }),
      value: num(),
      unit: str({ minLength: 1, maxLength: 16 }),
    }),
  ),
});
export type DeviceStatusReport = ReturnType<typeof deviceStatusChecker>;

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
