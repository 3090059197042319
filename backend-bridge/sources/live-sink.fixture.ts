/** Test sinks: a source under test emits into these. */
import { LIVE_EVENT_KINDS, type LiveListener, type LiveSink } from './live-source';

/** A sink that hands each event to `listener` where it has a method for the kind, and drops the rest. */
export function sinkWith(listener: LiveListener): LiveSink {
  const ignore = Object.fromEntries(Object.keys(LIVE_EVENT_KINDS).map((kind) => [kind, () => {}])) as unknown as LiveSink;
  return { ...ignore, ...listener };
}
