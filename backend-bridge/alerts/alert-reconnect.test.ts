/**
 * Never lost, under connection failures: alerts keep flowing while the
 * client's connection is cut again and again, from either side; the client
 * ends with every sequence number applied exactly once, in order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testAlert } from './alert.fixture';
import type { AlertDraft } from './lifecycle';
import { ResumingAlertClient, exactlyOnceProblem } from './alert-client.fixture';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { tinyCity } from '../city/tiny-city.fixture';

const system = { role: 'system', label: 'test' } as const;
const operator = { role: 'operator', label: 'test-operator' } as const;
const { id: _i, seq: _s, status: _st, history: _h, sentAtMs: _t, ...baseDraft } = testAlert();
const draft: AlertDraft = baseDraft;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Raises alerts and acknowledges some, `perTick` changes every millisecond, until `total` changes; resolves when done. */
function flow(bridge: RunningBridge, total: number, perTick: number): Promise<void> {
  let changes = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      for (let i = 0; i < perTick && changes < total; i++, changes++) {
        const alert = bridge.alerts.raise(draft, system);
        if (changes % 3 === 0 && changes + 1 < total) {
          bridge.alerts.act({ alertId: alert.id, action: 'acknowledge', note: 'seen' }, operator, {
            atMs: Date.now(), actorRole: 'operator', actorLabel: 'test', command: 'alert-action', payload: {}, outcome: 'ok',
          });
          changes++;
        }
      }
      if (changes >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
}

describe('a client whose connection is cut repeatedly while alerts flow', () => {
  it('applies every event exactly once, gap-free, cut from its side or the bridge’s', async () => {
    const bridge = await startBridge({
      ...BRIDGE_DEFAULTS,
      port: 0,
      rendererDir: null,
      city: tinyCity(),
      tokens: new TokenRegistry(),
      source: new ScriptedSource(['l1', 'l2']),
    });
    const client = new ResumingAlertClient({ origin: bridge.origin, reconnectDelayMs: 5 });
    cleanup = async () => {
      client.stop();
      await bridge.close();
    };
    await client.start();

    const TOTAL = 3000;
    const CUTS = 30;
    const flowing = flow(bridge, TOTAL, 4);
    for (let cut = 1; cut <= CUTS; cut++) {
      // Wait until the client has made progress on this connection, then cut it.
      const connections = client.connections;
      await client.waitFor(() => client.connections === connections && client.state.lastSeq >= (cut * TOTAL) / (CUTS + 2), `progress before cut ${cut}`);
      if (cut % 2 === 0) client.cut();
      else for (const session of bridge.clients.readySessions()) session.terminate();
      await client.waitFor(() => client.connections > connections, `reconnection after cut ${cut}`);
    }
    await flowing;
    const head = ((await (await fetch(`${bridge.origin}/api/health`)).json()) as { alerts: { lastSeq: number } }).alerts.lastSeq;
    await client.waitFor(() => client.state.lastSeq === head, 'the last event');

    expect(head).toBeGreaterThanOrEqual(TOTAL);
    expect(client.connections).toBe(CUTS + 1);
    expect(exactlyOnceProblem(client.appliedSeqs, 1, head)).toBe('');
    expect(client.gaps).toBe(0);

    // What the client shows is what a fresh client is given.
    const fresh = new ResumingAlertClient({ origin: bridge.origin });
    await fresh.start();
    await fresh.waitFor(() => fresh.state.lastSeq === head, 'the snapshot');
    expect(client.state.alerts).toEqual(fresh.state.alerts);
    fresh.stop();
  }, 60_000);
});
