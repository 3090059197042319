/**
 * What the panel knows of the watched intersection, and the pure functions
 * that fold the bridge's messages into it: the reply to `watch-signal` (the
 * plan's history), the status about once a second, and plan changes sent to
 * every client. Messages for another node are ignored, so a late push from a
 * node watched before cannot leak into this one.
 */
import type { Movement, PlanVersion, SignalHistoryMessage, SignalMode, SignalPlanChangedMessage, SignalStatusMessage } from '@protocol';

export interface SignalView {
  nodeId: string;
  /** Every version of the node's plan, oldest first; the last is the newest (possibly still pending). */
  history: readonly PlanVersion[];
  /** Every movement through the node, as the history listed them; null where the bridge did not. */
  movements: readonly Movement[] | null;
  status: SignalStatusMessage | null;
  /** When `status` arrived, client clock (performance.now), ms; the countdown runs from there. */
  statusReceivedAtMs: number | null;
  /** The node's control mode, from the latest status or plan change; null before either. */
  mode: SignalMode | null;
}

export function emptySignalView(nodeId: string): SignalView {
  return { nodeId, history: [], movements: null, status: null, statusReceivedAtMs: null, mode: null };
}

export function applySignalHistory(view: SignalView, message: SignalHistoryMessage): SignalView {
  if (message.nodeId !== view.nodeId) return view;
  return {
    ...view,
    history: [...message.versions].sort((a, b) => a.version - b.version),
    movements: message.movements ?? null,
  };
}

export function applySignalStatus(view: SignalView, message: SignalStatusMessage, receivedAtMs: number): SignalView {
  if (message.nodeId !== view.nodeId) return view;
  return { ...view, status: message, statusReceivedAtMs: receivedAtMs, mode: message.mode };
}

/** Adds or replaces the changed version in the history (a version is sent again when its timing is confirmed). */
export function applySignalPlanChanged(view: SignalView, message: SignalPlanChangedMessage): SignalView {
  if (message.nodeId !== view.nodeId) return view;
  const others = view.history.filter((entry) => entry.version !== message.change.version);
  const history = [...others, message.change].sort((a, b) => a.version - b.version);
  return { ...view, history, mode: message.mode };
}

/** The newest version the node has, known from its history or its status; 0 before either. A new plan carries this + 1. */
export function newestVersion(view: SignalView): number {
  return Math.max(
    0,
    view.history.at(-1)?.version ?? 0,
    view.status?.plan.version ?? 0,
    view.status?.pending?.plan.version ?? 0,
  );
}

/** The version entry of the plan running now, when the history has it. */
export function runningVersion(view: SignalView): PlanVersion | null {
  const running = view.status?.plan.version;
  return view.history.find((entry) => entry.version === running) ?? null;
}
