/**
 * How a connecting client catches up with the alert stream: by replaying
 * the events after the last one it applied, or — when that cannot give the
 * right picture — with a snapshot of the present.
 */

/** Where the stored stream stands. */
export interface StreamPosition {
  streamId: string;
  /** Last sequence number stored. */
  headSeq: number;
  /** Events up to this one were pruned from the log. */
  prunedThroughSeq: number;
}

/** What `hello.resume` says about the alert stream. */
export interface AlertResume {
  alerts?: number;
  alertStream?: string;
}

export type AlertSyncPlan = { kind: 'replay'; afterSeq: number } | { kind: 'snapshot'; reason: string };

/** Most events replayed to one client; further behind, a snapshot is smaller and as correct. @default 10_000 */
export const DEFAULT_MAX_REPLAY_EVENTS = 10_000;

export function planAlertSync(resume: AlertResume | undefined, stream: StreamPosition, maxReplayEvents = DEFAULT_MAX_REPLAY_EVENTS): AlertSyncPlan {
  const lastSeq = resume?.alerts;
  if (lastSeq === undefined) return { kind: 'snapshot', reason: 'fresh client' };
  if (resume?.alertStream !== undefined && resume.alertStream !== stream.streamId) {
    return { kind: 'snapshot', reason: `client resumes stream ${resume.alertStream}, this is ${stream.streamId}` };
  }
  if (lastSeq > stream.headSeq) return { kind: 'snapshot', reason: `client is at ${lastSeq}, ahead of the stream's ${stream.headSeq}` };
  if (lastSeq < stream.prunedThroughSeq) return { kind: 'snapshot', reason: `events up to ${stream.prunedThroughSeq} were pruned` };
  if (stream.headSeq - lastSeq > maxReplayEvents) return { kind: 'snapshot', reason: `${stream.headSeq - lastSeq} events behind` };
  return { kind: 'replay', afterSeq: lastSeq };
}
