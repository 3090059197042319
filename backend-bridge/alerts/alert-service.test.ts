import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, AlertKind } from '../protocol/alerts';
import { AlertStore } from '../store/alert-store';
import { AuditLog } from '../store/audit-log';
import { openDatabase } from '../store/database';
import { testAlert } from './alert.fixture';
import { AlertService, type AlertServiceOptions } from './alert-service';
import { CORRELATION_DEFAULTS } from './correlation';
import type { AlertDraft } from './lifecycle';

const system = { role: 'system', label: 'test' } as const;
const operator = { role: 'operator', label: 'console@1' } as const;
const services: AlertService[] = [];
afterEach(() => services.splice(0).forEach((service) => service.stop()));

function setup(options: Partial<AlertServiceOptions> = {}, db = openDatabase(null)) {
  const audit = new AuditLog(db);
  const store = new AlertStore(db, audit);
  const batches: Alert[][] = [];
  const waiters: (() => void)[] = [];
  let ids = 0;
  const service = new AlertService({
    store,
    escalateAfterMs: 120_000,
    correlation: CORRELATION_DEFAULTS,
    districtAt: () => 'd-centre',
    onStored: (alerts) => {
      batches.push([...alerts]);
      waiters.splice(0).forEach((wake) => wake());
    },
    onError: (error) => {
      throw error;
    },
    newId: () => `id-${++ids}`,
    ...options,
  });
  services.push(service);
  /** Resolves once a stored batch satisfies `test`. */
  const storedWhere = async (test: (alert: Alert) => boolean): Promise<Alert> => {
    for (;;) {
      const found = batches.flat().find(test);
      if (found) return found;
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  return { db, store, audit, service, batches, storedWhere };
}

function draft(overrides: Partial<AlertDraft> = {}): AlertDraft {
  const { id: _i, seq: _s, status: _st, history: _h, sentAtMs: _t, ...rest } = testAlert();
  return { ...rest, ...overrides };
}

describe('AlertService', () => {
  it('stores a raised alert before telling anyone, with the next sequence number', () => {
    const { service, store, batches } = setup({
      onStored: (alerts) => {
        // Already committed when we hear of it.
        expect(store.get(alerts[0]!.id)?.seq).toBe(alerts[0]!.seq);
        batches.push([...alerts]);
      },
    });
    const first = service.raise(draft(), system);
    const second = service.raise(draft({ kind: 'intrusion' }), system);
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(batches.map((batch) => batch.map((a) => a.id))).toEqual([['id-1'], ['id-2']]);
    expect(service.openCount).toBe(2);
  });

  it('carries out an operator action with its audit entry, and refuses a wrong step or an unknown id without storing anything', () => {
    const { service, store, audit } = setup();
    const alert = service.raise(draft(), system);
    const entry = { atMs: 1, actorRole: 'operator', actorLabel: 'console@1', command: 'alert-action', payload: {}, outcome: 'ok' as const };
    const acknowledged = service.act({ alertId: alert.id, action: 'acknowledge', note: 'seen' }, operator, entry);
    expect(acknowledged).toMatchObject({ seq: 2, status: 'acknowledged' });
    expect(audit.recent(5)).toHaveLength(1);

    expect(() => service.act({ alertId: alert.id, action: 'resolve', note: 'done' }, operator, entry)).toThrow(
      `alert ${alert.id} is acknowledged; resolve is only possible from dispatched`,
    );
    expect(() => service.act({ alertId: 'nope', action: 'acknowledge', note: 'x' }, operator, entry)).toThrow('no alert with id "nope"');
    expect(store.headSeq).toBe(2);
    expect(audit.recent(5)).toHaveLength(1);
  });

  it('escalates a Severe alert nobody acknowledged in time, and not a Moderate or an acknowledged one', async () => {
    const { service, storedWhere, store } = setup({ escalateAfterMs: 30 });
    const severe = service.raise(draft({ severity: 'Severe' }), system);
    const moderate = service.raise(draft({ severity: 'Moderate' }), system);
    const handled = service.raise(draft({ severity: 'Extreme' }), system);
    service.act({ alertId: handled.id, action: 'acknowledge', note: 'on it' }, operator, {
      atMs: 1, actorRole: 'operator', actorLabel: 'x', command: 'alert-action', payload: {}, outcome: 'ok',
    });
    const escalated = await storedWhere((alert) => alert.id === severe.id && alert.escalatedAtMs !== undefined);
    expect(escalated.history.at(-1)).toMatchObject({ action: 'escalate', actor: { role: 'system', label: 'escalation' } });
    expect(store.get(moderate.id)?.escalatedAtMs).toBeUndefined();
    expect(store.get(handled.id)?.escalatedAtMs).toBeUndefined();
  });

  it('escalates an overdue alert left open by a previous run as soon as it starts', async () => {
    const db = openDatabase(null);
    let nowMs = 1_000_000;
    const first = setup({ now: () => nowMs }, db);
    const alert = first.service.raise(draft({ severity: 'Extreme' }), system);
    first.service.stop();
    nowMs += 10 * 60_000;
    const second = setup({ now: () => nowMs }, db);
    expect(await second.storedWhere((a) => a.id === alert.id && a.escalatedAtMs !== undefined)).toMatchObject({ escalatedAtMs: nowMs });
  });

  it('raises one risk point, in the same batch, when a third kind joins a cluster, and no second one while it is open', () => {
    const { service, batches } = setup();
    const at = (kind: AlertKind, xM: number, minute: number) =>
      service.raise(draft({ kind, area: { shape: 'point', xM, yM: 0 }, simTimeMs: minute * 60_000 }), system);
    const call = at('emergency-call', 0, 0);
    const noise = at('noise-complaint', 100, 5);
    const fire = at('fire-alarm', 200, 10);
    const lastBatch = batches.at(-1)!;
    expect(lastBatch.map((a) => a.kind)).toEqual(['fire-alarm', 'risk-point']);
    expect(lastBatch[1]).toMatchObject({
      source: 'correlation',
      severity: 'Severe',
      districtId: 'd-centre',
      linkedAlertIds: [call.id, noise.id, fire.id],
      area: { shape: 'circle', xM: 100, yM: 0 },
    });
    at('fight', 150, 12);
    expect(batches.flat().filter((a) => a.kind === 'risk-point')).toHaveLength(1);
  });
});
