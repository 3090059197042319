import { describe, expect, it } from 'vitest';
import { testAlert } from '../alerts/alert.fixture';
import {
  EMPTY_ALERT_STREAM,
  alertAreaCentre,
  alertResumeOf,
  alertStreamHasGap,
  allowedAlertActions,
  applyAlertEvent,
  applyAlertSnapshot,
  nextAlertStatus,
} from './alerts';
import { parseClientMessage, parseServerMessage } from './messages';

describe('the alert lifecycle', () => {
  it('runs new → acknowledged → dispatched → resolved, one step at a time', () => {
    expect(nextAlertStatus('new', 'acknowledge')).toBe('acknowledged');
    expect(nextAlertStatus('acknowledged', 'dispatch')).toBe('dispatched');
    expect(nextAlertStatus('dispatched', 'resolve')).toBe('resolved');
    expect(nextAlertStatus('new', 'dispatch')).toBeNull();
    expect(nextAlertStatus('acknowledged', 'resolve')).toBeNull();
    expect(nextAlertStatus('acknowledged', 'acknowledge')).toBeNull();
  });

  it('allows a false alarm from every open status and nothing from a closed one', () => {
    expect(allowedAlertActions('new')).toEqual(['acknowledge', 'false-alarm']);
    expect(allowedAlertActions('dispatched')).toEqual(['resolve', 'false-alarm']);
    expect(allowedAlertActions('resolved')).toEqual([]);
    expect(allowedAlertActions('false-alarm')).toEqual([]);
  });
});

describe('alert messages', () => {
  it('accepts an alert event whose alert carries the event seq, and names a mismatch', () => {
    const alert = testAlert({ seq: 7 });
    expect(parseServerMessage(JSON.stringify({ type: 'alert-event', seq: 7, alert }))).toMatchObject({ ok: true });
    expect(parseServerMessage(JSON.stringify({ type: 'alert-event', seq: 8, alert }))).toMatchObject({
      ok: false,
      error: "alert-event.alert.seq: must equal the event's seq 8, got 7",
    });
  });

  it('names a bad area shape and a polygon with too few points', () => {
    const bad = (area: unknown) => parseServerMessage(JSON.stringify({ type: 'alert-event', seq: 1, alert: { ...testAlert(), area } }));
    expect(bad({ shape: 'blob' })).toMatchObject({ error: 'alert-event.alert.area.shape: expected one of point, circle, polygon, got "blob"' });
    expect(bad({ shape: 'polygon', ringM: [[0, 0], [1, 1]] })).toMatchObject({ error: 'alert-event.alert.area.ringM: needs at least 3 points' });
    expect(bad({ shape: 'circle', xM: 0, yM: 0 })).toMatchObject({ error: 'alert-event.alert.area.radiusM: is required' });
  });

  it('requires a note of 1–500 characters on an alert action and an assignee only with dispatch', () => {
    const action = { type: 'alert-action', id: 'r1', alertId: 'a-1', action: 'acknowledge', note: 'on it' };
    expect(parseClientMessage(JSON.stringify(action))).toMatchObject({ ok: true });
    expect(parseClientMessage(JSON.stringify({ ...action, note: '' }))).toMatchObject({ error: 'alert-action.note: must not be empty', requestId: 'r1' });
    expect(parseClientMessage(JSON.stringify({ ...action, note: 'x'.repeat(501) }))).toMatchObject({ error: 'alert-action.note: must be at most 500 characters' });
    expect(parseClientMessage(JSON.stringify({ ...action, assignee: 'unit 7' }))).toMatchObject({
      error: 'alert-action.assignee: only goes with dispatch, not acknowledge',
    });
    expect(parseClientMessage(JSON.stringify({ ...action, action: 'dispatch', assignee: 'unit 7' }))).toMatchObject({ ok: true });
    expect(parseClientMessage(JSON.stringify({ ...action, action: 'delete' }))).toMatchObject({
      error: 'alert-action.action: expected one of acknowledge, dispatch, resolve, false-alarm, got "delete"',
    });
  });

  it('accepts a hello that resumes an alert stream', () => {
    const hello = { type: 'hello', protocol: 1, resume: { alerts: 41, alertStream: 'stream-1' } };
    expect(parseClientMessage(JSON.stringify(hello))).toEqual({ ok: true, value: hello });
  });
});

describe('alertAreaCentre', () => {
  it('is the point or circle centre, and the vertex mean of a polygon', () => {
    expect(alertAreaCentre({ shape: 'circle', xM: 5, yM: -3, radiusM: 100 })).toEqual([5, -3]);
    expect(alertAreaCentre({ shape: 'polygon', ringM: [[0, 0], [4, 0], [4, 2], [0, 2]] })).toEqual([2, 1]);
  });
});

describe('the alert stream reducer', () => {
  const snapshot = { streamId: 's1', seq: 2, alerts: [testAlert({ id: 'a', seq: 1 }), testAlert({ id: 'b', seq: 2 })] };
  const event = (seq: number, id: string, status: 'new' | 'acknowledged' = 'new') => ({ seq, alert: testAlert({ id, seq, status }) });

  it('replaces the picture with a snapshot', () => {
    const state = applyAlertSnapshot(applyAlertEvent(EMPTY_ALERT_STREAM, event(9, 'z')), snapshot);
    expect([...state.alerts.keys()]).toEqual(['a', 'b']);
    expect(state).toMatchObject({ streamId: 's1', lastSeq: 2, aheadSeqs: [] });
    expect(alertResumeOf(state)).toEqual({ alerts: 2, alertStream: 's1' });
  });

  it('upserts by id so each alert is shown once, in its newest state', () => {
    let state = applyAlertSnapshot(EMPTY_ALERT_STREAM, snapshot);
    state = applyAlertEvent(state, event(3, 'a', 'acknowledged'));
    state = applyAlertEvent(state, event(4, 'c'));
    expect(state.alerts.size).toBe(3);
    expect(state.alerts.get('a')).toMatchObject({ seq: 3, status: 'acknowledged' });
    expect(state.lastSeq).toBe(4);
  });

  it('ignores an event it has already applied and returns the same state', () => {
    const state = applyAlertEvent(applyAlertSnapshot(EMPTY_ALERT_STREAM, snapshot), event(3, 'a'));
    expect(applyAlertEvent(state, event(3, 'a'))).toBe(state);
    expect(applyAlertEvent(state, event(1, 'a'))).toBe(state);
  });

  it('holds lastSeq below a gap, fills it when the missing event arrives, and never lets an older event overwrite a newer one', () => {
    let state = applyAlertSnapshot(EMPTY_ALERT_STREAM, snapshot);
    state = applyAlertEvent(state, event(5, 'a', 'acknowledged'));
    expect(state).toMatchObject({ lastSeq: 2, aheadSeqs: [5] });
    expect(alertStreamHasGap(state)).toBe(true);
    expect(applyAlertEvent(state, event(5, 'a'))).toBe(state);
    state = applyAlertEvent(state, event(3, 'a'));
    state = applyAlertEvent(state, event(4, 'd'));
    expect(state).toMatchObject({ lastSeq: 5, aheadSeqs: [] });
    expect(state.alerts.get('a')).toMatchObject({ seq: 5, status: 'acknowledged' });
    expect(alertStreamHasGap(state)).toBe(false);
  });

  it('asks for a snapshot before it has one', () => {
    expect(alertResumeOf(EMPTY_ALERT_STREAM)).toBeUndefined();
  });
});
