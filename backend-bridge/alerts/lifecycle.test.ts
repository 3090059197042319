import { describe, expect, it } from 'vitest';
import type { Alert } from '../protocol/alerts';
import { testAlert } from './alert.fixture';
import { AlertActionError, applyAlertAction, escalateAlert, escalationDueAtMs, raiseAlert } from './lifecycle';

const operator = { role: 'operator', label: 'console@1' } as const;
const withSeq = (alert: Omit<Alert, 'seq'>, seq: number): Alert => ({ ...alert, seq });

describe('raiseAlert', () => {
  it('makes a new alert sent now, with one history entry for the raise', () => {
    const { id: _id, seq: _seq, status: _s, history: _h, sentAtMs: _t, ...draft } = testAlert();
    const alert = raiseAlert(draft, 'x-1', { role: 'system', label: 'demo' }, 42);
    expect(alert).toMatchObject({ id: 'x-1', status: 'new', sentAtMs: 42 });
    expect(alert.history).toEqual([{ atMs: 42, actor: { role: 'system', label: 'demo' }, action: 'raise', status: 'new' }]);
  });
});

describe('applyAlertAction', () => {
  it('walks an alert through its lifecycle, recording who, what, when and the note', () => {
    let alert = testAlert();
    alert = withSeq(applyAlertAction(alert, { alertId: 'a-1', action: 'acknowledge', note: 'seen' }, operator, 100), 2);
    alert = withSeq(applyAlertAction(alert, { alertId: 'a-1', action: 'dispatch', note: 'go', assignee: 'Engine 7' }, operator, 200), 3);
    alert = withSeq(applyAlertAction(alert, { alertId: 'a-1', action: 'resolve', note: 'out' }, operator, 300), 4);
    expect(alert).toMatchObject({ status: 'resolved', acknowledgedAtMs: 100, resolvedAtMs: 300, assignee: 'Engine 7' });
    expect(alert.history.slice(1)).toEqual([
      { atMs: 100, actor: operator, action: 'acknowledge', status: 'acknowledged', note: 'seen' },
      { atMs: 200, actor: operator, action: 'dispatch', status: 'dispatched', note: 'go', assignee: 'Engine 7' },
      { atMs: 300, actor: operator, action: 'resolve', status: 'resolved', note: 'out' },
    ]);
  });

  it('closes an open alert as a false alarm', () => {
    const alert = applyAlertAction(testAlert(), { alertId: 'a-1', action: 'false-alarm', note: 'test' }, operator, 50);
    expect(alert).toMatchObject({ status: 'false-alarm', resolvedAtMs: 50 });
  });

  it('refuses a step the lifecycle does not allow, naming the current status and what is allowed', () => {
    const acknowledged = testAlert({ status: 'acknowledged' });
    const attempt = () => applyAlertAction(acknowledged, { alertId: 'a-1', action: 'acknowledge', note: 'again' }, operator, 1);
    expect(attempt).toThrow(AlertActionError);
    expect(attempt).toThrow('alert a-1 is acknowledged; acknowledge is only possible from new; allowed now: dispatch, false-alarm');
    expect(() => applyAlertAction(testAlert({ status: 'resolved' }), { alertId: 'a-1', action: 'false-alarm', note: 'x' }, operator, 1)).toThrow(
      'alert a-1 is resolved; a closed alert takes no more actions',
    );
  });
});

describe('escalation', () => {
  it('is due for a new Severe or Extreme alert the given time after it was sent, and for nothing else', () => {
    expect(escalationDueAtMs(testAlert({ severity: 'Extreme', sentAtMs: 1000 }), 500)).toBe(1500);
    expect(escalationDueAtMs(testAlert({ severity: 'Moderate' }), 500)).toBeNull();
    expect(escalationDueAtMs(testAlert({ status: 'acknowledged' }), 500)).toBeNull();
    expect(escalationDueAtMs(testAlert({ escalatedAtMs: 5 }), 500)).toBeNull();
  });

  it('marks the alert escalated by the system, status unchanged', () => {
    const escalated = escalateAlert(testAlert(), 99);
    expect(escalated).toMatchObject({ status: 'new', escalatedAtMs: 99 });
    expect(escalated.history.at(-1)).toEqual({ atMs: 99, actor: { role: 'system', label: 'escalation' }, action: 'escalate', status: 'new' });
    expect(escalationDueAtMs(withSeq(escalated, 2), 500)).toBeNull();
  });
});
