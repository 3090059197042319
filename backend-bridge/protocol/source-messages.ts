/**
 * The live source on the wire (issue 7): its health for the header's source
 * indicator (upstream reachability, age of the last message, refused
 * payloads, replay position) and seeking a replay. Speed and pause of a
 * replay use the existing `set-sim-clock` command.
 */
import * as v from 'valibot';
import { count, epochMs, requestId, text } from './fields';

/** `live`: data arriving; `stale`: connected but quiet longer than expected; `down`: upstream unreachable. */
export const SOURCE_STATES = ['live', 'stale', 'down'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

// ---------------------------------------------------------------- client → bridge

const seekReplaySchema = v.strictObject({
  type: v.literal('seek-replay'),
  id: requestId,
  /** Sim time to continue from, ms since the epoch; must lie inside the recording. */
  simTimeMs: epochMs,
});
/** Operator command: jump a replay to another point of its recording. Refused when the source is not a replay. */
export type SeekReplayMessage = v.InferOutput<typeof seekReplaySchema>;

export const sourceClientSchemas = { 'seek-replay': seekReplaySchema } as const;
export const SOURCE_COMMAND_TYPES = ['seek-replay'] as const;

// ---------------------------------------------------------------- bridge → client

const replayPosition = v.strictObject({
  /** Sim time reached, ms since the epoch. */
  simTimeMs: epochMs,
  /** Sim time of the recording's first and last event, ms since the epoch. */
  startSimTimeMs: epochMs,
  endSimTimeMs: epochMs,
  /** Sim seconds replayed per wall second, 1–60. */
  speedFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(1000)),
  paused: v.boolean(),
  /** True once the last event was replayed; the replay then stays paused at the end. */
  ended: v.boolean(),
});
export type ReplayPosition = v.InferOutput<typeof replayPosition>;

const sourceStatusSchema = v.strictObject({
  type: v.literal('source-status'),
  /** The source's name, as in `welcome.source`, e.g. `simulator`, `mqtt`, `replay`. */
  name: text(64),
  state: v.picklist(SOURCE_STATES),
  /** Wall time of the last message from upstream, ms since the epoch; null before the first. */
  lastMessageAtMs: v.optional(epochMs),
  /**
   * Age of that message when this status was sent, ms; the UI counts on from
   * here with its own clock, so a skewed client clock does not distort it.
   */
  lastMessageAgeMs: v.optional(v.pipe(v.number(), v.minValue(0))),
  /** Reconnections to upstream since the bridge started. */
  reconnects: count,
  /** Payloads refused since start, per channel (e.g. an MQTT topic filter), with the latest reason. */
  rejected: v.pipe(v.array(v.strictObject({ channel: text(256), count, lastReason: text(1024) })), v.maxLength(100)),
  /** Where a replay stands; absent for live sources. */
  replay: v.optional(replayPosition),
});
/** To every client: on connect, whenever the source's state changes, and every few seconds. */
export type SourceStatusMessage = v.InferOutput<typeof sourceStatusSchema>;

export const sourceServerSchemas = { 'source-status': sourceStatusSchema } as const;
