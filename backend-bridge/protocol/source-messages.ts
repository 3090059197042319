/**
 * The live source on the wire (issue 7): its health for the header's source
 * indicator (upstream reachability, age of the last message, refused
 * payloads, replay position) and seeking a replay. Speed and pause of a
 * replay use the existing `set-sim-clock` command.
 */
import { arrayOf, bool, literal, num, object, oneOf, optional, str } from './check';

const requestId = str({ minLength: 1, maxLength: 64 });
const epochMs = num({ min: 0 });

/** `live`: data arriving; `stale`: connected but quiet longer than expected; `down`: upstream unreachable. */
export const SOURCE_STATES = ['live', 'stale', 'down'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

// ---------------------------------------------------------------- client → bridge

const seekReplayChecker = object({
  type: literal('seek-replay'),
  id: requestId,
  /** Sim time to continue from, ms since the epoch; must lie inside the recording. */
  simTimeMs: epochMs,
});
/** Operator command: jump a replay to another point of its recording. Refused when the source is not a replay. */
export type SeekReplayMessage = ReturnType<typeof seekReplayChecker>;

export const sourceClientCheckers = { 'seek-replay': seekReplayChecker } as const;
export const SOURCE_COMMAND_TYPES = ['seek-replay'] as const;

// ---------------------------------------------------------------- bridge → client

const replayPosition = object({
  /** Sim time reached, ms since the epoch. */
  simTimeMs: epochMs,
  /** Sim time of the recording's first and last event, ms since the epoch. */
  startSimTimeMs: epochMs,
  endSimTimeMs: epochMs,
  /** Sim seconds replayed per wall second, 1–60. */
  speedFactor: num({ min: 0, max: 1000 }),
  paused: bool,
  /** True once the last event was replayed; the replay then stays paused at the end. */
  ended: bool,
});
export type ReplayPosition = ReturnType<typeof replayPosition>;

const sourceStatusChecker = object({
  type: literal('source-status'),
  /** The source's name, as in `welcome.source`, e.g. `simulator`, `mqtt`, `replay`. */
  name: str({ maxLength: 64 }),
  state: oneOf(SOURCE_STATES),
  /** Wall time of the last message from upstream, ms since the epoch; null before the first. */
  lastMessageAtMs: optional(epochMs),
  /**
   * Age of that message when this status was sent, ms; the UI counts on from
   * here with its own clock, so a skewed client clock does not distort it.
   */
  lastMessageAgeMs: optional(num({ min: 0 })),
  /** Reconnections to upstream since the bridge started. */
  reconnects: num({ integer: true, min: 0 }),
  /** Payloads refused since start, per channel (e.g. an MQTT topic filter), with the latest reason. */
  rejected: arrayOf(
    object({ channel: str({ maxLength: 256 }), count: num({ integer: true, min: 0 }), lastReason: str({ maxLength: 1024 }) }),
    { maxLength: 100 },
  ),
  /** Where a replay stands; absent for live sources. */
  replay: optional(replayPosition),
});
/** To every client: on connect, whenever the source's state changes, and every few seconds. */
export type SourceStatusMessage = ReturnType<typeof sourceStatusChecker>;

export const sourceServerCheckers = { 'source-status': sourceStatusChecker } as const;
