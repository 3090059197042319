import { describe, expect, it } from 'vitest';
import { testAlert } from '../alerts/alert.fixture';
import type { Alert } from '../protocol/alerts';
import { AlertStore, DuplicateCapError, type UnsequencedAlert } from './alert-store';
import { AuditLog } from './audit-log';
import { openDatabase } from './database';

function openStore() {
  const db = openDatabase(null);
  const audit = new AuditLog(db);
  return { db, audit, store: new AlertStore(db, audit) };
}

const unsequenced = (overrides: Partial<Alert> = {}): UnsequencedAlert => {
  const { seq: _seq, ...rest } = testAlert(overrides);
  return rest;
};

describe('AlertStore', () => {
  it('gives consecutive sequence numbers from 1 and keeps each alert’s newest state', () => {
    const { store } = openStore();
    expect(store.headSeq).toBe(0);
    const [a, b] = store.append([unsequenced({ id: 'a' }), unsequenced({ id: 'b' })], 1000);
    const [a2] = store.append([unsequenced({ id: 'a', status: 'acknowledged' })], 2000);
    expect([a!.seq, b!.seq, a2!.seq]).toEqual([1, 2, 3]);
    expect(store.headSeq).toBe(3);
    expect(store.get('a')).toMatchObject({ seq: 3, status: 'acknowledged' });
    expect(store.eventsAfter(0, 100).map((e) => [e.seq, e.id, e.status])).toEqual([
      [1, 'a', 'new'],
      [2, 'b', 'new'],
      [3, 'a', 'acknowledged'],
    ]);
    expect(store.eventsAfter(1, 1).map((e) => e.seq)).toEqual([2]);
  });

  it('stores nothing, and uses no sequence number, when one state of a batch is invalid', () => {
    const { store } = openStore();
    const invalid = { ...unsequenced({ id: 'bad' }), severity: 'Apocalyptic' } as unknown as UnsequencedAlert;
    expect(() => store.append([unsequenced({ id: 'ok' }), invalid], 1000)).toThrow('alert.severity: expected one of');
    expect(store.headSeq).toBe(0);
    expect(store.get('ok')).toBeUndefined();
    expect(store.append([unsequenced({ id: 'ok' })], 1000)[0]!.seq).toBe(1);
  });

  it('refuses a second alert from the same CAP sender and identifier, but accepts later changes of the first', () => {
    const { store } = openStore();
    const cap = { sender: 'ops@city', identifier: 'X-1', sent: '2024-06-03T07:00:00+08:00' };
    store.append([unsequenced({ id: 'c1', source: 'cap', cap })], 1000);
    expect(() => store.append([unsequenced({ id: 'c2', source: 'cap', cap })], 1000)).toThrow(DuplicateCapError);
    expect(store.append([unsequenced({ id: 'c1', source: 'cap', cap, status: 'acknowledged' })], 2000)[0]!.seq).toBe(2);
  });

  it('writes the audit entry in the same transaction as the change', () => {
    const { store, audit } = openStore();
    const entry = { atMs: 5, actorRole: 'operator', actorLabel: 'console@1', command: 'alert-action', payload: { note: 'x' }, outcome: 'ok' as const };
    store.append([unsequenced({ id: 'a' })], 5, entry);
    expect(() => store.append([{ ...unsequenced({ id: 'b' }), kind: 'meteor' } as unknown as UnsequencedAlert], 6, { ...entry, atMs: 6 })).toThrow();
    expect(audit.recent(10)).toEqual([entry]);
  });

  it('snapshots open alerts and those closed since the cut-off, in stream order', () => {
    const { store } = openStore();
    store.append([unsequenced({ id: 'old', status: 'resolved', resolvedAtMs: 100 })], 100);
    store.append([unsequenced({ id: 'open' })], 200);
    store.append([unsequenced({ id: 'recent', status: 'false-alarm', resolvedAtMs: 300 })], 300);
    expect(store.snapshot(250).map((a) => a.id)).toEqual(['open', 'recent']);
    expect(store.openAlerts().map((a) => a.id)).toEqual(['open']);
  });

  it('prunes a prefix of old events, remembers how far, and keeps counting from the head after reopening', () => {
    const { db, audit, store } = openStore();
    store.append([unsequenced({ id: 'a' })], 100);
    store.append([unsequenced({ id: 'b' })], 200);
    store.append([unsequenced({ id: 'c' })], 300);
    expect(store.pruneEvents(250)).toBe(2);
    expect(store.prunedThroughSeq).toBe(2);
    expect(store.eventsAfter(0, 10).map((e) => e.seq)).toEqual([3]);
    expect(store.pruneEvents(400)).toBe(1);
    const reopened = new AlertStore(db, audit);
    expect([reopened.headSeq, reopened.prunedThroughSeq, reopened.streamId]).toEqual([3, 3, store.streamId]);
    expect(reopened.append([unsequenced({ id: 'd' })], 500)[0]!.seq).toBe(4);
  });

  it('names a hand-edited open alert that no longer validates', () => {
    const { db, store } = openStore();
    store.append([unsequenced({ id: 'a' })], 100);
    db.prepare("UPDATE alerts SET body = json_set(body, '$.kind', 'ufo')").run();
    expect(() => store.openAlerts()).toThrow('open alert 0.kind: expected one of');
  });
});
