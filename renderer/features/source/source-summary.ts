/**
 * What the header's source indicator says, worked out from the latest
 * `source-status` and the time since it arrived: pure, so every case is
 * tested without Vue.
 */
import type { ReplayPosition, SourceStatusMessage } from '@protocol';

/** The indicator's colour: ok (live), warning (stale), critical (down). */
export type SourceTone = 'ok' | 'warning' | 'critical';

export interface SourceSummary {
  /** The source's name as the bridge gives it, e.g. `mqtt`. */
  name: string;
  state: SourceStatusMessage['state'];
  tone: SourceTone;
  /** Age of the source's last message now, whole seconds; null before its first. */
  ageS: number | null;
  reconnects: number;
  /** Payloads refused since start, summed over channels. */
  rejectedCount: number;
  replay: ReplaySummary | null;
}

export interface ReplaySummary {
  /** Share of the recording replayed, 0–1. */
  progress: number;
  speedFactor: number;
  paused: boolean;
  ended: boolean;
  /** The replay's sim time now, ms since the epoch, counted on from the status while playing. */
  simTimeMs: number;
  startSimTimeMs: number;
  endSimTimeMs: number;
}

const TONES: Record<SourceStatusMessage['state'], SourceTone> = { live: 'ok', stale: 'warning', down: 'critical' };

/**
 * @param status the latest `source-status`, or null before one arrived
 * @param sinceReceivedMs wall time since it arrived, ms (the client's own clock)
 */
export function summariseSource(status: SourceStatusMessage | null, sinceReceivedMs: number): SourceSummary | null {
  if (!status) return null;
  const elapsedMs = Math.max(0, sinceReceivedMs);
  return {
    name: status.name,
    state: status.state,
    tone: TONES[status.state],
    ageS: status.lastMessageAgeMs === undefined ? null : Math.floor((status.lastMessageAgeMs + elapsedMs) / 1000),
    reconnects: status.reconnects,
    rejectedCount: status.rejected.reduce((sum, channel) => sum + channel.count, 0),
    replay: status.replay ? summariseReplay(status.replay, elapsedMs) : null,
  };
}

function summariseReplay(position: ReplayPosition, elapsedMs: number): ReplaySummary {
  const { startSimTimeMs, endSimTimeMs, speedFactor, paused, ended } = position;
  const moving = !paused && !ended;
  const simTimeMs = Math.min(endSimTimeMs, position.simTimeMs + (moving ? elapsedMs * speedFactor : 0));
  const spanMs = endSimTimeMs - startSimTimeMs;
  return {
    progress: spanMs > 0 ? Math.min(1, Math.max(0, (simTimeMs - startSimTimeMs) / spanMs)) : 1,
    speedFactor,
    paused,
    ended,
    simTimeMs,
    startSimTimeMs,
    endSimTimeMs,
  };
}
