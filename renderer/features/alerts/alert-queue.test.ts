import { describe, expect, it } from 'vitest';
import { testAlert } from '../../../backend-bridge/alerts/alert.fixture';
import { alarmReason } from './alert-alarm';
import { DEFAULT_ALERT_FILTER, countAlerts, escalationTag, filterAlerts, isEscalatedOpen, openBySeverity } from './alert-filters';
import { sortAlerts } from './alert-sorting';

const ids = (alerts: { id: string }[]) => alerts.map((alert) => alert.id);

describe('filterAlerts', () => {
  const alerts = [
    testAlert({ id: 'fire-new', kind: 'fire-alarm', severity: 'Severe', districtId: 'd1', status: 'new' }),
    testAlert({ id: 'fight-ack', kind: 'fight', severity: 'Moderate', districtId: 'd2', status: 'acknowledged' }),
    testAlert({ id: 'noise-done', kind: 'noise-complaint', severity: 'Minor', districtId: 'd1', status: 'resolved' }),
  ];

  it('shows open alerts only by default', () => {
    expect(ids(filterAlerts(alerts, DEFAULT_ALERT_FILTER))).toEqual(['fire-new', 'fight-ack']);
  });

  it('combines severity, kind, district and status filters', () => {
    expect(ids(filterAlerts(alerts, { severity: null, kind: null, districtId: 'd1', status: null }))).toEqual(['fire-new', 'noise-done']);
    expect(ids(filterAlerts(alerts, { severity: 'Minor', kind: 'noise-complaint', districtId: 'd1', status: 'resolved' }))).toEqual(['noise-done']);
    expect(filterAlerts(alerts, { severity: 'Severe', kind: 'fight', districtId: null, status: null })).toEqual([]);
  });
});

describe('sortAlerts', () => {
  const older = testAlert({ id: 'older', severity: 'Extreme', sentAtMs: 1000 });
  const newer = testAlert({ id: 'newer', severity: 'Minor', sentAtMs: 2000 });
  const escalated = testAlert({ id: 'escalated', severity: 'Severe', sentAtMs: 500, escalatedAtMs: 900 });
  const escalatedClosed = testAlert({ id: 'escalated-closed', sentAtMs: 3000, escalatedAtMs: 3100, status: 'resolved' });

  it('puts open escalated alerts on top whatever the sort, and closed ones back in line', () => {
    expect(ids(sortAlerts([older, newer, escalatedClosed, escalated], { key: 'time', reversed: false }))).toEqual([
      'escalated',
      'escalated-closed',
      'newer',
      'older',
    ]);
    expect(ids(sortAlerts([newer, older, escalated], { key: 'time', reversed: true }))[0]).toBe('escalated');
  });

  it('sorts by severity, most severe first, and reverses on request', () => {
    expect(ids(sortAlerts([newer, older], { key: 'severity', reversed: false }))).toEqual(['older', 'newer']);
    expect(ids(sortAlerts([older, newer], { key: 'severity', reversed: true }))).toEqual(['newer', 'older']);
  });

  it('leaves its input in the order it was', () => {
    const input = [older, newer];
    sortAlerts(input, { key: 'time', reversed: false });
    expect(ids(input)).toEqual(['older', 'newer']);
  });
});

describe('counts', () => {
  const alerts = [
    testAlert({ id: 'a', status: 'new', severity: 'Extreme', escalatedAtMs: 5 }),
    testAlert({ id: 'b', status: 'dispatched', severity: 'Minor' }),
    testAlert({ id: 'c', status: 'false-alarm', severity: 'Extreme' }),
  ];

  it('counts open, escalated and unacknowledged alerts among all held', () => {
    expect(countAlerts(alerts)).toEqual({ total: 3, open: 2, escalated: 1, unacknowledged: 1 });
  });

  it('counts open alerts per severity, zero for the rest', () => {
    expect(openBySeverity(alerts)).toEqual({ Extreme: 1, Severe: 0, Moderate: 0, Minor: 1, Unknown: 0 });
  });
});

describe('alarmReason', () => {
  it('sounds for a new severe or extreme alert, not for a moderate one', () => {
    expect(alarmReason(undefined, testAlert({ severity: 'Extreme' }))).toBe('severe');
    expect(alarmReason(undefined, testAlert({ severity: 'Moderate' }))).toBeNull();
  });

  it('sounds once when an alert escalates, not for later changes of it', () => {
    const before = testAlert({ severity: 'Severe' });
    const escalated = testAlert({ severity: 'Severe', escalatedAtMs: 10, seq: 2 });
    expect(alarmReason(before, escalated)).toBe('escalated');
    expect(alarmReason(escalated, { ...escalated, seq: 3 })).toBeNull();
  });

  it('stays quiet for a severe alert that is already closed', () => {
    expect(alarmReason(undefined, testAlert({ severity: 'Extreme', status: 'false-alarm' }))).toBeNull();
  });
});

describe('escalationTag', () => {
  it('is loud while an escalated alert is still unacknowledged', () => {
    expect(escalationTag(testAlert({ status: 'new', escalatedAtMs: 5 }))).toBe('escalated');
  });

  it('goes quiet once the escalation was answered (regression: a dispatched alert kept its red ESCALATED tag)', () => {
    expect(escalationTag(testAlert({ status: 'acknowledged', escalatedAtMs: 5 }))).toBe('answered');
    expect(escalationTag(testAlert({ status: 'dispatched', escalatedAtMs: 5 }))).toBe('answered');
    expect(isEscalatedOpen(testAlert({ status: 'dispatched', escalatedAtMs: 5 }))).toBe(false);
  });

  it('is gone from closed alerts and from alerts that never escalated', () => {
    expect(escalationTag(testAlert({ status: 'resolved', escalatedAtMs: 5 }))).toBeNull();
    expect(escalationTag(testAlert({ status: 'new' }))).toBeNull();
  });

  it('counts only the escalations nobody has answered', () => {
    const alerts = [testAlert({ id: 'x', status: 'new', escalatedAtMs: 1 }), testAlert({ id: 'y', status: 'dispatched', escalatedAtMs: 1 })];
    expect(countAlerts(alerts).escalated).toBe(1);
  });
});
