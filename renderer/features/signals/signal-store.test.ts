import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnectionStore } from '../connection/connection-store';
import { FakeBridge, welcome } from '../connection/fake-bridge';
import { connectToFakeBridge } from '../connection/fake-connection';
import { twoPhasePlan } from './signal-plan.fixture';
import { useSignalStore } from './signal-store';

let bridge: FakeBridge;

beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  bridge = new FakeBridge();
});

afterEach(() => {
  useConnectionStore().disconnect();
  vi.useRealTimers();
});

function connect(role: 'viewer' | 'operator' = 'operator') {
  const signals = useSignalStore();
  connectToFakeBridge(bridge, { role, random: () => 0.5 });
  return signals;
}

const sentOf = (type: string) => bridge.latest.sent.filter((message) => message.type === type);

const T0 = Date.UTC(2030, 0, 1, 0, 0, 0);
const history = (nodeId: string, requestId?: string) => ({
  type: 'signal-history',
  ...(requestId && { requestId }),
  nodeId,
  versions: [
    {
      version: 3,
      plan: twoPhasePlan(),
      origin: 'operator',
      actorRole: 'operator',
      actorLabel: 'op',
      reason: 'morning peak',
      acceptedAtMs: T0,
      effectiveSimTimeMs: T0,
    },
  ],
});
const status = {
  type: 'signal-status',
  nodeId: 'n1',
  simTimeMs: T0,
  mode: 'fixed',
  plan: twoPhasePlan(),
  phaseIndex: 1,
  interval: 'yellow',
  remainingS: 2,
  approaches: [],
  phaseDemand: [],
  delayPerVehS: 14,
};

describe('signal store', () => {
  it('watches the node and folds its history and status', async () => {
    const signals = connect();
    signals.watchNode('n1');
    const [watch] = sentOf('watch-signal');
    expect(watch).toMatchObject({ nodeId: 'n1' });
    bridge.latest.deliver(history('n1', watch!.id as string));
    bridge.latest.deliver(status);
    await vi.waitFor(() => expect(signals.history.map((v) => v.version)).toEqual([3]));
    expect(signals.status?.interval).toBe('yellow');
    expect(signals.newest).toBe(3);
  });

  it('watches the node again after a reconnect, since the bridge forgets watches with the socket', async () => {
    const signals = connect();
    signals.watchNode('n1');
    bridge.latest.serverClose(1006);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(bridge.sockets).toHaveLength(2);
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(sentOf('watch-signal')).toMatchObject([{ nodeId: 'n1' }]);
  });

  it('applies a plan as the next version, with the reason, and says when the bridge accepted it', async () => {
    const signals = connect();
    signals.watchNode('n1');
    bridge.latest.deliver(history('n1'));
    const accepted = signals.apply(twoPhasePlan({ offsetS: 5 }), 'queue spill on the east approach');
    const [apply] = sentOf('apply-signal-plan');
    expect(apply).toMatchObject({ plan: { version: 4, offsetS: 5 }, reason: 'queue spill on the east approach' });
    expect(signals.pending).toBe('apply');
    bridge.latest.deliver({ type: 'ack', requestId: apply!.id });
    expect(await accepted).toBe(true);
    expect(signals.pending).toBeNull();
  });

  it("keeps the bridge's refusal, code and words, when it refuses a command", async () => {
    const signals = connect('viewer');
    expect(signals.canControl).toBe(false);
    signals.watchNode('n1');
    const accepted = signals.apply(twoPhasePlan(), 'trying');
    const [apply] = sentOf('apply-signal-plan');
    bridge.latest.deliver({ type: 'error', requestId: apply!.id, code: 'forbidden', message: 'apply-signal-plan needs the operator role' });
    expect(await accepted).toBe(false);
    expect(signals.problem).toEqual({ action: 'apply', code: 'forbidden', message: 'apply-signal-plan needs the operator role' });
  });

  it('ignores pushes once the panel has stopped watching', () => {
    const signals = connect();
    signals.watchNode('n1');
    signals.unwatch();
    expect(sentOf('unwatch-signal')).toHaveLength(1);
    bridge.latest.deliver(status);
    expect(signals.status).toBeNull();
  });
});
