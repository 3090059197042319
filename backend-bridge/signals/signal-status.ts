/**
 * The `signal-status` of one intersection now: its plan and where it stands
 * in it, what is measured at its approaches, and the demand per phase that
 * the panel's recommendation and delay prediction start from.
 */
import type { SignalMode, SignalStatusMessage } from '../protocol';
import type { SignalAccess } from '../sources/signal-access';
import type { AdaptiveChange } from './adaptive-controller';
import { phaseDemandOf } from './phase-demand';

/** The protocol carries at most this many approaches per intersection. */
const MAX_APPROACHES = 16;

export function signalStatus(
  signals: SignalAccess,
  nodeId: string,
  mode: SignalMode,
  lastAdaptiveChange: AdaptiveChange | undefined,
): SignalStatusMessage {
  const plan = signals.runningPlan(nodeId);
  const pending = signals.pending(nodeId);
  const state = signals.state(nodeId);
  const measure = signals.measure(nodeId);
  return {
    type: 'signal-status',
    nodeId,
    simTimeMs: measure.simTimeMs,
    mode,
    plan,
    ...(pending && { pending }),
    phaseIndex: state.phaseIndex,
    interval: state.interval,
    remainingS: state.remainingS,
    approaches: measure.approaches.slice(0, MAX_APPROACHES),
    phaseDemand: phaseDemandOf(plan, measure, signals.movements(nodeId)),
    delayPerVehS: measure.delayPerVehS,
    ...(lastAdaptiveChange && { lastAdaptiveChange }),
  };
}
