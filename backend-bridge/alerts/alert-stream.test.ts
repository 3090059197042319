import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAlert } from './alert.fixture';
import { capXml, latLonOf } from './cap/cap.fixture';
import type { AlertDraft } from './lifecycle';
import type { ErrorMessage } from '../protocol';
import { DATABASE_FILE_NAME } from '../store/database';
import { ResumingAlertClient } from './alert-client.fixture';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { CAP_PATH } from './cap/cap-endpoint';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { tinyCity } from '../city/tiny-city.fixture';

const OPERATOR = 'operator-token';
const VIEWER = 'viewer-token';
const system = { role: 'system', label: 'test' } as const;
const dataDir = mkdtempSync(join(tmpdir(), 'citybrain-alerts-'));
const source = new ScriptedSource(['l1', 'l2']);
let bridge: RunningBridge;
const clients: ResumingAlertClient[] = [];

beforeAll(async () => {
  const tokens = new TokenRegistry();
  tokens.add(OPERATOR, 'operator');
  tokens.add(VIEWER, 'viewer');
  bridge = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city: tinyCity(), tokens, source, dataDir, escalateAfterMs: 60_000 });
});
afterAll(async () => {
  clients.forEach((client) => client.stop());
  await bridge.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function client(token?: string): Promise<ResumingAlertClient> {
  const created = new ResumingAlertClient({ origin: bridge.origin, ...(token && { token }) });
  clients.push(created);
  await created.start();
  return created;
}

function draft(overrides: Partial<AlertDraft> = {}): AlertDraft {
  const { id: _i, seq: _s, status: _st, history: _h, sentAtMs: _t, ...rest } = testAlert();
  return { ...rest, ...overrides };
}

const headSeq = async () => ((await (await fetch(`${bridge.origin}/api/health`)).json()) as { alerts: { lastSeq: number } }).alerts.lastSeq;
const postCap = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${bridge.origin}${CAP_PATH}`, { method: 'POST', body, headers: { Authorization: `Bearer ${OPERATOR}`, 'Content-Type': 'application/cap+xml', ...headers } });
const replyTo = (c: ResumingAlertClient, requestId: string) => c.others.find((m) => (m.type === 'ack' && m.requestId === requestId) || (m.type === 'error' && m.requestId === requestId));
const auditRows = () => {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT actor_role, command, outcome, detail FROM audit_log ORDER BY id').all() as { actor_role: string; command: string; outcome: string; detail: string | null }[];
  } finally {
    db.close();
  }
};

describe('the alert stream over WebSocket', () => {
  it('gives a fresh client a snapshot, then every change as an event, masking callers for viewers only', async () => {
    const operator = await client(OPERATOR);
    const viewer = await client(VIEWER);
    const call = bridge.alerts.raise(draft({ kind: 'emergency-call', sensitive: { callerName: '张伟', callerPhone: '13812345678' } }), system);
    for (const c of [operator, viewer]) await c.waitFor(() => c.state.alerts.has(call.id), 'the call');
    expect(operator.state.alerts.get(call.id)?.sensitive).toEqual({ callerName: '张伟', callerPhone: '13812345678' });
    expect(viewer.state.alerts.get(call.id)?.sensitive).toEqual({ callerName: '张**', callerPhone: '*******5678' });

    // A viewer that connects later gets the call in its snapshot, masked too.
    const late = await client(VIEWER);
    await late.waitFor(() => late.state.streamId !== null, 'the snapshot');
    expect(late.state.alerts.get(call.id)?.sensitive?.callerName).toBe('张**');
  });

  it('resumes a client from its last sequence number with the events it missed and no snapshot', async () => {
    const watcher = await client();
    const before = bridge.alerts.raise(draft(), system);
    await watcher.waitFor(() => watcher.state.lastSeq === before.seq, 'the first alert');
    watcher.stop();
    const missed = [bridge.alerts.raise(draft(), system), bridge.alerts.raise(draft(), system)];

    const resumed = new ResumingAlertClient({ origin: bridge.origin });
    clients.push(resumed);
    resumed.state = watcher.state;
    await resumed.start();
    await resumed.waitFor(() => resumed.state.lastSeq === missed[1]!.seq, 'the missed alerts');
    expect(resumed.appliedSeqs).toEqual(missed.map((a) => a.seq));
    expect(resumed.state.alerts.has(before.id)).toBe(true);
  });

  it('lets an operator move an alert along, shows the change to every client, and audits it', async () => {
    const operator = await client(OPERATOR);
    const other = await client(VIEWER);
    const alert = bridge.alerts.raise(draft(), system);
    await operator.waitFor(() => operator.state.alerts.has(alert.id), 'the alert');
    operator.send({ type: 'alert-action', id: 'ack-1', alertId: alert.id, action: 'acknowledge', note: 'looking at camera 1' });
    await other.waitFor(() => other.state.alerts.get(alert.id)?.status === 'acknowledged', 'the acknowledgement');
    await operator.waitFor(() => replyTo(operator, 'ack-1') !== undefined, 'the reply');
    expect(replyTo(operator, 'ack-1')).toEqual({ type: 'ack', requestId: 'ack-1' });
    expect(other.state.alerts.get(alert.id)?.history.at(-1)).toMatchObject({
      action: 'acknowledge',
      note: 'looking at camera 1',
      actor: { role: 'operator', label: expect.stringMatching(/^alert-test@/) },
    });
    expect(auditRows().at(-1)).toEqual({ actor_role: 'operator', command: 'alert-action', outcome: 'ok', detail: null });
  });

  it('refuses a viewer’s action, a wrong step and an unknown alert with one error each, storing no change', async () => {
    const operator = await client(OPERATOR);
    const viewer = await client(VIEWER);
    const alert = bridge.alerts.raise(draft(), system);
    await viewer.waitFor(() => viewer.state.alerts.has(alert.id), 'the alert');
    const seq = await headSeq();
    viewer.send({ type: 'alert-action', id: 'v-1', alertId: alert.id, action: 'acknowledge', note: 'me too' });
    operator.send({ type: 'alert-action', id: 'o-1', alertId: alert.id, action: 'resolve', note: 'done' });
    operator.send({ type: 'alert-action', id: 'o-2', alertId: 'ghost', action: 'acknowledge', note: 'who?' });
    await viewer.waitFor(() => replyTo(viewer, 'v-1') !== undefined, 'the viewer’s reply');
    await operator.waitFor(() => replyTo(operator, 'o-2') !== undefined, 'the operator’s replies');
    expect(replyTo(viewer, 'v-1')).toMatchObject({ type: 'error', code: 'forbidden' });
    expect((replyTo(operator, 'o-1') as ErrorMessage).message).toBe(`alert ${alert.id} is new; resolve is only possible from dispatched; allowed now: acknowledge, false-alarm`);
    expect(replyTo(operator, 'o-1')).toMatchObject({ code: 'rejected' });
    expect(replyTo(operator, 'o-2')).toMatchObject({ code: 'not-found', message: 'no alert with id "ghost"' });
    expect(await headSeq()).toBe(seq);
    expect(auditRows().slice(-3).map((row) => [row.actor_role, row.outcome])).toEqual([
      ['viewer', 'forbidden'],
      ['operator', 'rejected'],
      ['operator', 'not-found'],
    ]);
  });

  it('audits the sim commands too', async () => {
    const operator = await client(OPERATOR);
    operator.send({ type: 'set-sim-clock', id: 'clock-1', paused: true });
    await operator.waitFor(() => replyTo(operator, 'clock-1') !== undefined, 'the reply');
    expect(auditRows().at(-1)).toMatchObject({ command: 'set-sim-clock', outcome: 'ok' });
  });

  it('raises a traffic-accident alert when the source reports a new incident, and only once', async () => {
    const watcher = await client();
    const incident = { id: 'inc-7', linkId: 'l2', capacityFactor: 0.2, startSimTimeMs: 1000, endSimTimeMs: 601_000 };
    source.sink!.incidents([incident]);
    source.sink!.incidents([incident]);
    await watcher.waitFor(() => [...watcher.state.alerts.values()].some((a) => a.incidentId === 'inc-7'), 'the accident');
    expect([...watcher.state.alerts.values()].filter((a) => a.incidentId === 'inc-7')).toMatchObject([{ kind: 'traffic-accident', linkId: 'l2' }]);
  });
});

describe('CAP ingest', () => {
  const at = latLonOf(tinyCity().meta.origin, 10, 20);
  const cap = (identifier: string) => capXml({ identifier, area: `<area><areaDesc>Square</areaDesc><circle>${at} 0.03</circle></area>` });

  it('stores a valid CAP alert, answers 201 with its id and seq, and pushes it to clients first', async () => {
    const watcher = await client();
    const response = await postCap(cap('CAP-OK-1'));
    expect(response.status).toBe(201);
    const { id, seq } = (await response.json()) as { id: string; seq: number };
    expect(watcher.state.alerts.get(id)).toMatchObject({ seq, source: 'cap', kind: 'fire-alarm', cap: { identifier: 'CAP-OK-1' } });
  });

  it('answers 409 to the same sender and identifier again, storing nothing', async () => {
    expect((await postCap(cap('CAP-DUP'))).status).toBe(201);
    const seq = await headSeq();
    const again = await postCap(cap('CAP-DUP'));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ element: 'alert.identifier', reason: 'received before' });
    expect(await headSeq()).toBe(seq);
  });

  it('answers 400 naming the element and reason for invalid CAP, storing nothing', async () => {
    const seq = await headSeq();
    const response = await postCap(capXml({ identifier: 'CAP-BAD', area: '<area><areaDesc>Far away</areaDesc><circle>0,0 1</circle></area>' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ element: 'alert.info[0].area[0].circle[0]', reason: expect.stringContaining('lies outside the city') });
    const malformed = await postCap('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ element: 'xml' });
    expect(await headSeq()).toBe(seq);
    expect(auditRows().at(-1)).toMatchObject({ command: 'cap-ingest', outcome: 'invalid' });
  });

  it('answers 401 without a valid token, 403 to a viewer, 415 to another type and 413 to a body too large', async () => {
    expect((await postCap(cap('A1'), { Authorization: '' })).status).toBe(401);
    expect((await postCap(cap('A2'), { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await postCap(cap('A3'), { Authorization: `Bearer ${VIEWER}` })).status).toBe(403);
    expect((await postCap(cap('A4'), { 'Content-Type': 'application/json' })).status).toBe(415);
    expect((await postCap(cap('A5'), { 'Content-Type': 'text/xml; charset=latin1' })).status).toBe(415);
    const huge = await postCap(cap('A6').replace('<description>', `<description>${'x'.repeat(BRIDGE_DEFAULTS.maxCapBytes)}`));
    expect(huge.status).toBe(413);
    expect((await fetch(`${bridge.origin}${CAP_PATH}`)).status).toBe(405);
  });

  it('says which Content-Type it wanted, and refuses a declared length over the limit before reading the body', async () => {
    const wrongType = await postCap(cap('A7'), { 'Content-Type': 'application/json' });
    expect(await wrongType.json()).toEqual({ error: 'expected Content-Type application/cap+xml, application/xml, text/xml; got "application/json"' });
    expect(await (await postCap(cap('A8'), { 'Content-Type': 'text/xml; charset=latin1' })).json()).toEqual({ error: 'expected charset utf-8, got latin1' });
    const declared = await new Promise<{ status?: number; connection?: string }>((resolve, reject) => {
      const request = httpRequest(`${bridge.origin}${CAP_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${OPERATOR}`, 'Content-Type': 'application/cap+xml', 'Content-Length': BRIDGE_DEFAULTS.maxCapBytes + 1 },
      });
      request.on('response', (response) => {
        resolve({ status: response.statusCode, connection: response.headers.connection });
        request.destroy();
      });
      request.on('error', reject);
      request.write('<alert');
    });
    expect(declared).toEqual({ status: 413, connection: 'close' });
    expect(auditRows().at(-1)).toMatchObject({ command: 'cap-ingest', outcome: 'too-large', detail: `the body exceeds the limit of ${BRIDGE_DEFAULTS.maxCapBytes} bytes` });
  });
});

describe('escalation over the wire', () => {
  it('pushes an escalation event for a severe alert left unacknowledged', async () => {
    const tokens = new TokenRegistry();
    const quick = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city: tinyCity(), tokens, source: new ScriptedSource(['l1', 'l2']), escalateAfterMs: 40 });
    try {
      const watcher = new ResumingAlertClient({ origin: quick.origin });
      clients.push(watcher);
      await watcher.start();
      const alert = quick.alerts.raise(draft({ severity: 'Extreme' }), system);
      await watcher.waitFor(() => watcher.state.alerts.get(alert.id)?.escalatedAtMs !== undefined, 'the escalation');
      expect(watcher.state.alerts.get(alert.id)).toMatchObject({ status: 'new', seq: alert.seq + 1 });
    } finally {
      await quick.close();
    }
  });
});
