import { describe, expect, it } from 'vitest';
import { testAlert } from './alert.fixture';
import type { Role } from '../protocol';
import type { Alert } from '../protocol/alerts';
import { AlertStore } from '../store/alert-store';
import { AuditLog } from '../store/audit-log';
import { openDatabase } from '../store/database';
import { AlertFanout } from './alert-fanout';
import type { Session } from '../core/session';
import { createLogger } from '../core/log';

/** A session stand-in that records what it was sent and whether it was cut off. */
function fakeSession(role: Role, bufferedBytes = 0) {
  const sent: { type: string; seq?: number; alert?: Alert; alerts?: Alert[] }[] = [];
  const session = {
    id: `${role}-session`,
    role,
    label: `${role}@test`,
    resume: undefined,
    terminated: false,
    bufferedBytes,
    terminate: () => {
      session.terminated = true;
    },
    sendText: (text: string) => sent.push(JSON.parse(text)) > 0,
    send: (message: object) => sent.push(message as never) > 0,
    sendBinary: () => true,
  };
  return { session, sent, asSession: session satisfies Session };
}

function setup(sessions: Session[], maxBufferedAlertBytes = 1_000_000) {
  const db = openDatabase(null);
  const store = new AlertStore(db, new AuditLog(db));
  const fanout = new AlertFanout({ store, sessions: () => sessions, maxReplayEvents: 5000, maxBufferedAlertBytes, log: createLogger('test') });
  const append = (count: number, overrides: Partial<Alert> = {}) =>
    store.append(Array.from({ length: count }, (_, i) => {
      const { seq: _seq, ...alert } = testAlert({ id: `a-${store.headSeq + i + 1}`, ...overrides });
      return alert;
    }), 1);
  return { store, fanout, append };
}

const caller = { sensitive: { callerName: '赵敏', callerPhone: '13700001234' } };

describe('AlertFanout', () => {
  it('sends each stored change to every client, with callers masked for viewers only', () => {
    const viewer = fakeSession('viewer');
    const operator = fakeSession('operator');
    const { fanout, append } = setup([viewer.asSession, operator.asSession]);
    fanout.publish(append(1, caller));
    expect(viewer.sent).toMatchObject([{ type: 'alert-event', seq: 1, alert: { sensitive: { callerName: '赵**', callerPhone: '*******1234' } } }]);
    expect(operator.sent).toMatchObject([{ type: 'alert-event', seq: 1, alert: caller }]);
  });

  it('disconnects a client whose backlog passed the limit instead of queueing more, and keeps serving the others', () => {
    const slow = fakeSession('viewer', 2_000_000);
    const fine = fakeSession('viewer', 10);
    const { fanout, append } = setup([slow.asSession, fine.asSession], 1_000_000);
    fanout.publish(append(1));
    expect(slow.session.terminated).toBe(true);
    expect(slow.sent).toEqual([]);
    expect(fine.sent).toHaveLength(1);
  });

  it('replays every event after the client’s last one, across store pages, masked for a viewer', () => {
    const viewer = fakeSession('viewer');
    const { fanout, append, store } = setup([]);
    append(2500, caller);
    fanout.catchUp(viewer.asSession, { alerts: 100, alertStream: store.streamId });
    expect(viewer.sent.map((m) => m.seq)).toEqual(Array.from({ length: 2400 }, (_, i) => 101 + i));
    expect(viewer.sent.every((m) => m.alert?.sensitive?.callerName === '赵**')).toBe(true);
  });

  it('sends a fresh client a snapshot of the open alerts and those closed in the last 24 h, at the head seq', () => {
    const operator = fakeSession('operator');
    const { fanout, append, store } = setup([]);
    append(2);
    append(1, { status: 'resolved', resolvedAtMs: Date.now() - 25 * 3_600_000 });
    append(1, { status: 'false-alarm', resolvedAtMs: Date.now() - 3_600_000 });
    fanout.catchUp(operator.asSession, undefined);
    expect(operator.sent).toHaveLength(1);
    expect(operator.sent[0]).toMatchObject({ type: 'alert-snapshot', seq: 4, streamId: store.streamId });
    expect(operator.sent[0]!.alerts!.map((a) => a.id)).toEqual(['a-1', 'a-2', 'a-4']);
  });
});
