import type { PlanVersion, SignalStatusMessage } from '@protocol';
import { describe, expect, it } from 'vitest';
import { twoPhasePlan } from './signal-plan.fixture';
import {
  applySignalHistory,
  applySignalPlanChanged,
  applySignalStatus,
  emptySignalView,
  newestVersion,
  runningVersion,
} from './signal-view';

const T0 = Date.UTC(2030, 0, 1, 0, 0, 0);

function version(n: number, origin: PlanVersion['origin'] = 'operator'): PlanVersion {
  return {
    version: n,
    plan: twoPhasePlan({ version: n }),
    origin,
    actorRole: origin === 'operator' ? 'operator' : 'system',
    actorLabel: 'op-1',
    reason: `reason ${n}`,
    acceptedAtMs: T0 + n,
    effectiveSimTimeMs: T0 + n * 60_000,
  };
}

function status(overrides: Partial<SignalStatusMessage> = {}): SignalStatusMessage {
  return {
    type: 'signal-status',
    nodeId: 'n1',
    simTimeMs: T0,
    mode: 'fixed',
    plan: twoPhasePlan({ version: 2 }),
    phaseIndex: 0,
    interval: 'green',
    remainingS: 12,
    approaches: [],
    phaseDemand: [],
    delayPerVehS: 20,
    ...overrides,
  };
}

describe('signal view', () => {
  it('takes the history oldest first, whatever order it came in', () => {
    const view = applySignalHistory(emptySignalView('n1'), { type: 'signal-history', nodeId: 'n1', versions: [version(2), version(1, 'default')] });
    expect(view.history.map((v) => v.version)).toEqual([1, 2]);
  });

  it('keeps the movements the history lists, and knows none where it lists none', () => {
    const movement = { id: 'a>b', inLinkId: 'a', outLinkId: 'b', turn: 'left' as const };
    const listed = applySignalHistory(emptySignalView('n1'), { type: 'signal-history', nodeId: 'n1', versions: [], movements: [movement] });
    expect(listed.movements).toEqual([movement]);
    expect(applySignalHistory(listed, { type: 'signal-history', nodeId: 'n1', versions: [] }).movements).toBeNull();
  });

  it('ignores every message about another node', () => {
    const view = emptySignalView('n1');
    expect(applySignalHistory(view, { type: 'signal-history', nodeId: 'n2', versions: [version(1)] })).toBe(view);
    expect(applySignalStatus(view, status({ nodeId: 'n2' }), 5)).toBe(view);
    expect(applySignalPlanChanged(view, { type: 'signal-plan-changed', nodeId: 'n2', mode: 'fixed', change: version(1) })).toBe(view);
  });

  it('keeps the latest status with the time it arrived, and its mode', () => {
    const view = applySignalStatus(emptySignalView('n1'), status({ mode: 'adaptive' }), 1234);
    expect(view).toMatchObject({ statusReceivedAtMs: 1234, mode: 'adaptive', status: { remainingS: 12 } });
  });

  it('adds a changed version once, replacing the copy it already had', () => {
    let view = applySignalHistory(emptySignalView('n1'), { type: 'signal-history', nodeId: 'n1', versions: [version(1), version(2)] });
    view = applySignalPlanChanged(view, { type: 'signal-plan-changed', nodeId: 'n1', mode: 'fixed', change: version(3) });
    view = applySignalPlanChanged(view, { type: 'signal-plan-changed', nodeId: 'n1', mode: 'adaptive', change: { ...version(3), reason: 'again' } });
    expect(view.history.map((v) => [v.version, v.reason])).toEqual([
      [1, 'reason 1'],
      [2, 'reason 2'],
      [3, 'again'],
    ]);
    expect(view.mode).toBe('adaptive');
  });

  it('counts the newest version from the history and the status, pending plans included', () => {
    let view = emptySignalView('n1');
    expect(newestVersion(view)).toBe(0);
    view = applySignalHistory(view, { type: 'signal-history', nodeId: 'n1', versions: [version(1), version(2)] });
    view = applySignalStatus(view, status({ pending: { plan: twoPhasePlan({ version: 5 }), effectiveSimTimeMs: T0 } }), 0);
    expect(newestVersion(view)).toBe(5);
    expect(runningVersion(view)?.version).toBe(2);
  });
});
