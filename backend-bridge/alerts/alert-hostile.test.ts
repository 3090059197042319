/**
 * A hostile client sends 10,000 malformed, oversized, out-of-order and
 * refused messages while alerts flow; the bridge answers each with an error
 * and keeps serving everyone else, losing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testAlert } from './alert.fixture';
import type { AlertDraft } from './lifecycle';
import { MAX_CLIENT_MESSAGE_BYTES, PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH } from '../protocol';
import { ResumingAlertClient, exactlyOnceProblem } from './alert-client.fixture';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { tinyCity } from '../city/tiny-city.fixture';

const OPERATOR = 'operator-token';
const HOSTILE_MESSAGES = 10_000;
const system = { role: 'system', label: 'test' } as const;
const { id: _i, seq: _s, status: _st, history: _h, sentAtMs: _t, ...baseDraft } = testAlert();
const draft: AlertDraft = baseDraft;

let bridge: RunningBridge;
beforeAll(async () => {
  const tokens = new TokenRegistry();
  tokens.add(OPERATOR, 'operator');
  bridge = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city: tinyCity(), tokens, source: new ScriptedSource(['l1', 'l2']) });
});
afterAll(() => bridge.close());

/** The i-th hostile message: a rotation of everything a client can get wrong. */
function hostileMessage(i: number, realAlertId: string): string | Buffer {
  switch (i % 12) {
    case 0:
      return '{"type":"alert-action","id":';
    case 1:
      return '[1,2,3]';
    case 2:
      return JSON.stringify({ type: 'format-disk', id: `h${i}` });
    case 3:
      // Oversized, but under the socket's hard cap: refused with an error, the connection stays.
      return i % 120 === 3 ? JSON.stringify({ type: 'ping', id: `h${i}`, clientTime: 1, pad: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES) }) : '"just a string"';
    case 4:
      return JSON.stringify({ type: 'alert-action', id: `h${i}`, alertId: 'no-such-alert', action: 'acknowledge', note: 'hi' });
    case 5:
      // Out of order: resolving an alert nobody acknowledged or dispatched.
      return JSON.stringify({ type: 'alert-action', id: `h${i}`, alertId: realAlertId, action: 'resolve', note: 'skip ahead' });
    case 6:
      return JSON.stringify({ type: 'alert-action', id: `h${i}`, alertId: realAlertId, action: 'acknowledge', note: '' });
    case 7:
      return JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, resume: { alerts: -1 } });
    case 8:
      return JSON.stringify({ type: 'ping', id: `h${i}`, clientTime: 'yesterday' });
    case 9:
      return Buffer.from([0xde, 0xad, 0xbe, 0xef]);
    case 10:
      return JSON.stringify({ type: 'alert-action', id: `h${i}`, alertId: realAlertId, action: 'dispatch', note: 'x', assignee: 'y'.repeat(100) });
    default:
      return JSON.stringify({ type: 'alert-action', id: `h${i}`, alertId: '../../etc/passwd', action: 'explode', note: 'x' });
  }
}

describe('a hostile client', () => {
  it('gets an error for each of 10,000 bad messages while other clients receive every alert exactly once', async () => {
    const viewer = new ResumingAlertClient({ origin: bridge.origin });
    const operator = new ResumingAlertClient({ origin: bridge.origin, token: OPERATOR });
    await Promise.all([viewer.start(), operator.start()]);
    // A real alert, so the hostile's actions on it reach the lifecycle and are refused there.
    const target = bridge.alerts.raise(draft, system);

    const hostile = new WebSocket(`${bridge.origin.replace(/^http/, 'ws')}${WS_PATH}`, [SUBPROTOCOL]);
    let errors = 0;
    let others = 0;
    let closed = false;
    const finished = new Promise<void>((resolve) => {
      hostile.on('message', (data: Buffer, isBinary) => {
        const type = isBinary ? 'binary' : (JSON.parse(String(data)) as { type: string }).type;
        if (type === 'error') errors++;
        else others++;
        if (errors === HOSTILE_MESSAGES) resolve();
      });
      hostile.on('close', () => {
        closed = true;
        resolve();
      });
    });
    await new Promise((resolve) => hostile.once('open', resolve));
    hostile.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, token: OPERATOR, client: 'hostile' }));

    // Alerts keep flowing while the flood arrives: 1000 of them, 5 a millisecond.
    const flowing = new Promise<void>((resolve) => {
      let raised = 0;
      const timer = setInterval(() => {
        for (let i = 0; i < 5; i++) bridge.alerts.raise(draft, system);
        raised += 5;
        if (raised < 1000) return;
        clearInterval(timer);
        resolve();
      }, 1);
    });
    for (let i = 0; i < HOSTILE_MESSAGES; i++) {
      hostile.send(hostileMessage(i, target.id));
      // Let the bridge and the bystanders breathe now and then, as a real flood over a network would.
      if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([finished, flowing]);

    expect(closed).toBe(false);
    expect(errors).toBe(HOSTILE_MESSAGES);

    const head = ((await (await fetch(`${bridge.origin}/api/health`)).json()) as { alerts: { lastSeq: number } }).alerts.lastSeq;
    for (const client of [viewer, operator]) {
      await client.waitFor(() => client.state.lastSeq === head, 'every alert');
      expect(exactlyOnceProblem(client.appliedSeqs, 1, head)).toBe('');
      expect(client.connections).toBe(1);
    }
    // None of the hostile's actions changed the target.
    expect(operator.state.alerts.get(target.id)).toMatchObject({ status: 'new', seq: target.seq });

    // The hostile is still served normally too.
    hostile.send(JSON.stringify({ type: 'ping', id: 'still-here', clientTime: 1 }));
    await new Promise<void>((resolve) => hostile.on('message', (data: Buffer) => String(data).includes('"pong"') && resolve()));
    expect(others).toBeGreaterThan(0);
    hostile.close();
    viewer.stop();
    operator.stop();
  }, 60_000);
});
