import type { Alert } from '@protocol';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testAlert } from '../../../backend-bridge/alerts/alert.fixture';
import { useConnectionStore } from '../connection/connection-store';
import { FakeBridge } from '../connection/fake-bridge';
import { connectToFakeBridge } from '../connection/fake-connection';
import { useAlertsStore } from './alerts-store';

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

/** Creates the store before connecting, as the app does, then connects with `role`. */
function connect(role: 'viewer' | 'operator' = 'operator') {
  const alerts = useAlertsStore();
  connectToFakeBridge(bridge, { role, random: () => 0.999_999 });
  return alerts;
}

const event = (alert: Alert) => ({ type: 'alert-event', seq: alert.seq, alert });
const snapshot = (seq: number, alerts: Alert[]) => ({ type: 'alert-snapshot', streamId: 'stream-1', seq, alerts });

describe('alerts store', () => {
  it('holds each alert once in its newest state, whatever arrives twice or late', () => {
    const alerts = connect();
    bridge.latest.deliver(snapshot(1, [testAlert({ id: 'a', seq: 1 })]));
    const acknowledged = testAlert({ id: 'a', seq: 3, status: 'acknowledged' });
    bridge.latest.deliver(event(acknowledged));
    bridge.latest.deliver(event(testAlert({ id: 'b', seq: 2 })));
    bridge.latest.deliver(event(testAlert({ id: 'b', seq: 2 })));
    bridge.latest.deliver(event(testAlert({ id: 'a', seq: 2, status: 'new' })));
    expect(alerts.alerts.map((alert) => [alert.id, alert.status])).toEqual([
      ['a', 'acknowledged'],
      ['b', 'new'],
    ]);
    expect(alerts.lastSeq).toBe(3);
  });

  it('sends the stream and last sequence in the hello of every reconnect', () => {
    connect();
    expect(bridge.latest.sent[0]).not.toHaveProperty('resume');
    bridge.latest.deliver(snapshot(4, []));
    bridge.latest.deliver(event(testAlert({ id: 'c', seq: 5 })));
    const first = bridge.latest;
    first.serverClose(1006);
    vi.advanceTimersByTime(60_000);
    expect(bridge.latest).not.toBe(first);
    bridge.latest.open();
    expect(bridge.latest.sent[0]).toMatchObject({ type: 'hello', resume: { alerts: 5, alertStream: 'stream-1' } });
  });

  it('raises the alarm for a severe alert that arrives live, but not for those in the snapshot', () => {
    const alerts = connect();
    bridge.latest.deliver(snapshot(1, [testAlert({ id: 'old', seq: 1, severity: 'Extreme' })]));
    expect(alerts.alarm).toBeNull();
    bridge.latest.deliver(event(testAlert({ id: 'fresh', seq: 2, severity: 'Severe' })));
    expect(alerts.alarm).toEqual({ alertId: 'fresh', reason: 'severe', count: 1 });
    bridge.latest.deliver(event(testAlert({ id: 'old', seq: 3, severity: 'Extreme', escalatedAtMs: 9 })));
    expect(alerts.alarm).toEqual({ alertId: 'old', reason: 'escalated', count: 2 });
  });

  it('lists the queue filtered and sorted, and follows the selection to the newest state', () => {
    const alerts = connect();
    bridge.latest.deliver(
      snapshot(2, [testAlert({ id: 'minor', seq: 1, severity: 'Minor' }), testAlert({ id: 'extreme', seq: 2, severity: 'Extreme' })]),
    );
    alerts.sortBy('severity');
    expect(alerts.queue.map((alert) => alert.id)).toEqual(['extreme', 'minor']);
    alerts.setFilter({ severity: 'Minor' });
    expect(alerts.queue.map((alert) => alert.id)).toEqual(['minor']);
    alerts.select('minor');
    bridge.latest.deliver(event(testAlert({ id: 'minor', seq: 3, severity: 'Minor', status: 'acknowledged' })));
    expect(alerts.selected?.status).toBe('acknowledged');
  });

  it('sends an action as a command and reports success on the ack', async () => {
    const alerts = connect();
    const done = alerts.act({ alertId: 'a', action: 'dispatch', note: 'unit on the way', assignee: 'Engine 7' });
    const command = bridge.latest.sent.at(-1)!;
    expect(command).toMatchObject({ type: 'alert-action', alertId: 'a', action: 'dispatch', note: 'unit on the way', assignee: 'Engine 7' });
    expect(alerts.pendingAlertId).toBe('a');
    bridge.latest.deliver({ type: 'ack', requestId: command.id });
    await expect(done).resolves.toBe(true);
    expect(alerts.actionProblem).toBeNull();
  });

  it("keeps the bridge's refusal and its words for the drawer", async () => {
    const alerts = connect('viewer');
    expect(alerts.canAct).toBe(false);
    const done = alerts.act({ alertId: 'a', action: 'acknowledge', note: 'seen' });
    const command = bridge.latest.sent.at(-1)!;
    bridge.latest.deliver({ type: 'error', code: 'forbidden', message: 'viewers cannot act on alerts', requestId: command.id });
    await expect(done).resolves.toBe(false);
    expect(alerts.actionProblem).toEqual({ alertId: 'a', action: 'acknowledge', code: 'forbidden', message: 'viewers cannot act on alerts' });
  });
});
