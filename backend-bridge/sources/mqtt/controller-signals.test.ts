import { describe, expect, it } from 'vitest';
import type { SignalPlan } from '../../protocol/signals';
import { tinyCity } from '../../city/tiny-city.fixture';
import { compileNetwork } from '../simulator/network';
import { ControllerSignals } from './controller-signals';
import { LinkReadings } from './link-readings';
import type { SignalCommand } from './payloads';

/** A whole number of 60 s cycles since the epoch: the test plans' phase a starts here. */
const NOW_MS = 1_700_000_040_000;

function plan(version: number): SignalPlan {
  const phase = (id: string, greenS: number) => ({ id, name: { zh: id, en: id }, movementIds: ['l1>l2'], greenS, yellowS: 3, allRedS: 2, minGreenS: 5, pedClearanceS: 0 });
  return { nodeId: 'n2', version, cycleS: 60, offsetS: 0, phases: [phase('a', 30), phase('b', 20)] };
}

function rig(options: { connected?: boolean; publishFails?: boolean } = {}) {
  const net = compileNetwork(tinyCity().meta, { seed: 0 });
  const readings = new LinkReadings(net.links, net.districtIds, 60_000);
  const sent: SignalCommand[] = [];
  let nowMs = NOW_MS;
  const signals = new ControllerSignals({
    net,
    readings,
    publishCommand: async (_nodeId, command) => {
      if (options.publishFails) throw new Error('broker said no');
      sent.push(command);
    },
    connected: () => options.connected ?? true,
    applyTimeoutMs: 100,
    now: () => nowMs,
  });
  return { signals, readings, sent, advance: (ms: number) => (nowMs += ms) };
}

describe('signal control over the controllers’ topics', () => {
  it('offers a node once its controller reported a plan, and only signalized nodes', () => {
    const { signals } = rig();
    expect(signals.nodeIds()).toEqual([]);
    expect(() => signals.runningPlan('n2')).toThrow('the controller of n2 has not reported its plan yet');
    signals.onPlan('n2', plan(1));
    expect(signals.nodeIds()).toEqual(['n2']);
    expect(() => signals.onPlan('n1', { ...plan(1), nodeId: 'n1' })).toThrow('"n1" is not a signalized intersection of the city');
    expect(() => signals.onPlan('n2', { ...plan(1), nodeId: 'n3' })).toThrow(`plan.nodeId: must be the topic's node "n2", got "n3"`);
  });

  it('counts the reported state down, then follows the plan’s own timing once the report ran out', () => {
    const { signals, advance } = rig();
    signals.onPlan('n2', plan(1));
    signals.onState('n2', { ts: NOW_MS, planVersion: 1, phaseIndex: 1, interval: 'green', remainingS: 4 });
    advance(1500);
    expect(signals.state('n2')).toEqual({ phaseIndex: 1, interval: 'green', remainingS: 2.5 });
    advance(5000);
    // 6.5 s into the cycle: phase a's green with 23.5 s left.
    const state = signals.state('n2');
    expect(state).toMatchObject({ phaseIndex: 0, interval: 'green' });
    expect(state.remainingS).toBeCloseTo(23.5, 6);
  });

  it('resolves an apply only on the controller’s ack and holds the plan as pending until it takes over', async () => {
    const { signals, sent, advance } = rig();
    signals.onPlan('n2', plan(1));
    const applied = signals.apply(plan(2));
    await Promise.resolve();
    expect(sent).toEqual([{ requestId: expect.any(String), plan: plan(2) }]);
    expect(signals.onAck('n2', { requestId: 'someone-else', ok: true, effectiveTs: NOW_MS })).toBe(false);
    expect(() => signals.onAck('n1', { requestId: sent[0]!.requestId, ok: true, effectiveTs: NOW_MS })).toThrow('names a command for n2, not n1');
    expect(signals.onAck('n2', { requestId: sent[0]!.requestId, ok: true, effectiveTs: NOW_MS + 30_000 })).toBe(true);
    await expect(applied).resolves.toEqual({ effectiveSimTimeMs: NOW_MS + 30_000 });
    expect(signals.pending('n2')?.plan.version).toBe(2);
    expect(signals.runningPlan('n2').version).toBe(1);
    advance(30_000);
    expect(signals.runningPlan('n2').version).toBe(2);
    expect(signals.pending('n2')).toBeUndefined();
  });

  it('fails an apply with the controller’s reason, on timeout, without a broker, and when the source stops', async () => {
    const { signals, sent } = rig();
    const refused = signals.apply(plan(2));
    await Promise.resolve();
    signals.onAck('n2', { requestId: sent[0]!.requestId, ok: false, reason: 'cabinet in manual' });
    await expect(refused).rejects.toThrow('the controller of n2 refused the plan: cabinet in manual');
    await expect(signals.apply(plan(2))).rejects.toMatchObject({ code: 'rejected', message: expect.stringContaining('no acknowledgement from the controller of n2 within 0.1 s') });
    const stopped = signals.apply(plan(2));
    signals.stop();
    await expect(stopped).rejects.toThrow('the MQTT source stopped before the controller of n2 answered');
    await expect(rig({ connected: false }).signals.apply(plan(2))).rejects.toThrow('the MQTT broker is unreachable; the plan for n2 was not sent');
    await expect(rig({ publishFails: true }).signals.apply(plan(2))).rejects.toThrow('could not be sent to the broker: broker said no');
    await expect(signals.apply({ ...plan(2), nodeId: 'n1' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('measures an intersection from its approaches’ detectors', () => {
    const { signals, readings } = rig();
    // 80 m at 16 km/h takes 18 s against 5.76 s at the free 50 km/h.
    readings.record(0, { ts: NOW_MS, speedKmh: 16, flowVehPerH: 720, occupancyPct: 26 });
    const measure = signals.measure('n2');
    expect(measure.simTimeMs).toBe(NOW_MS);
    expect(measure.delayPerVehS).toBeCloseTo(18 - 5.76, 6);
    expect(measure.approaches).toHaveLength(1);
    expect(measure.approaches[0]!.linkId).toBe('l1');
    expect(measure.approaches[0]!.volumeVehPerH).toBe(720);
    // 26 % occupancy on 2 lanes of 80 m holds 6.4 vehicles; 720 veh/h at free speed would hold 1.152.
    expect(measure.approaches[0]!.queueVeh).toBeCloseTo(6.4 - 1.152, 4);
    expect(measure.movements).toEqual([{ movementId: 'l1>l2', flowVehPerH: expect.any(Number), saturationFlowVehPerH: expect.any(Number) }]);
    expect(measure.movements[0]!.flowVehPerH).toBeGreaterThan(0);
    expect(measure.movements[0]!.flowVehPerH).toBeLessThanOrEqual(720);
  });
});
