import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ServerMessage, type SignalPlan } from '../protocol';
import { checkPlanRules, approachBearingsDeg } from '../protocol/signal-rules';
import { requiredGreenS } from '../protocol/signal-timing';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { type TestClient, nextOfType, openTestClient } from '../app/test-client.fixture';
import { DATABASE_FILE_NAME } from '../store/database';
import { crossingCity } from './crossing-city.fixture';
import type { LiveSource } from '../sources/live-source';
import type { SignalAccess } from '../sources/signal-access';
import { SteppedSimSource } from './stepped-sim-source.fixture';

const OPERATOR = 'operator-token';
const VIEWER = 'viewer-token';
const city = crossingCity();
const dataDir = mkdtempSync(join(tmpdir(), 'citybrain-signals-'));
const source = new SteppedSimSource(city);
let bridge: RunningBridge;
const clients: TestClient[] = [];

beforeAll(async () => {
  const tokens = new TokenRegistry();
  tokens.add(OPERATOR, 'operator');
  tokens.add(VIEWER, 'viewer');
  bridge = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city, tokens, source, dataDir });
});
afterAll(async () => {
  clients.forEach((c) => c.socket.close());
  await bridge.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function client(token: string): Promise<TestClient> {
  const created = await openTestClient(bridge.origin);
  clients.push(created);
  created.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token, client: 'signal-test/1' });
  await nextOfType(created, 'welcome');
  return created;
}

let requests = 0;
/** Sends a request and returns its one reply (ack, error or data), skipping pushes. */
async function request(c: TestClient, message: Record<string, unknown>): Promise<ServerMessage> {
  const id = `r${++requests}`;
  c.sendJson({ ...message, id });
  for (;;) {
    const reply = await c.next();
    if ('requestId' in reply && reply.requestId === id) return reply;
  }
}

const auditRows = () => {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT actor_role, command, outcome, detail FROM audit_log ORDER BY id').all() as {
      actor_role: string;
      command: string;
      outcome: string;
      detail: string | null;
    }[];
  } finally {
    db.close();
  }
};
const signalAudits = () => auditRows().filter((row) => /signal/.test(row.command));

/** The running plan with new greens for north–south and east–west, the cycle following. */
function retimed(version: number, nsGreenS: number, ewGreenS: number): SignalPlan {
  const plan = source.signals.runningPlan('x');
  const phases = plan.phases.map((p) => ({ ...p, greenS: p.id === 'ns' ? nsGreenS : ewGreenS }));
  return { ...plan, version, offsetS: 0, cycleS: phases.reduce((sum, p) => sum + p.greenS + p.yellowS + p.allRedS, 0), phases };
}

describe('signal control over WebSocket', () => {
  it('shows a watcher the history, then the live status of the intersection', async () => {
    const viewer = await client(VIEWER);
    const history = await request(viewer, { type: 'watch-signal', nodeId: 'x' });
    expect(history).toMatchObject({ type: 'signal-history', nodeId: 'x', versions: [{ version: 1, origin: 'default', actorRole: 'system' }] });
    if (history.type !== 'signal-history') throw new Error('unreachable');
    expect(history.movements).toHaveLength(12);
    expect(history.movements).toContainEqual({ id: 'sIn>nOut', inLinkId: 'sIn', outLinkId: 'nOut', turn: 'through' });
    const status = await nextOfType(viewer, 'signal-status');
    expect(status).toMatchObject({ nodeId: 'x', mode: 'fixed', plan: { version: 1 } });
    expect(status.phaseDemand.map((d) => d.phaseId)).toEqual(['ns', 'ew']);
    expect(status.approaches).toHaveLength(4);
  });

  it('applies an operator’s plan at the next cycle boundary, tells every client, and audits it once', async () => {
    const operator = await client(OPERATOR);
    const other = await client(VIEWER);
    await source.advance(17, 1); // into the running cycle, so the change has to wait for its end
    const plan = retimed(2, 20, 14);
    const reply = await request(operator, { type: 'apply-signal-plan', plan, reason: 'north–south queue at the school run' });
    expect(reply.type).toBe('ack');

    const changed = await nextOfType(other, 'signal-plan-changed');
    expect(changed).toMatchObject({ nodeId: 'x', mode: 'fixed', change: { version: 2, origin: 'operator', actorRole: 'operator', reason: 'north–south queue at the school run', plan } });
    const { effectiveSimTimeMs } = changed.change;
    expect(source.signals.pending('x')).toEqual({ plan, effectiveSimTimeMs });

    await source.advance((effectiveSimTimeMs - source.sim.simTimeMs) / 1000, 1);
    expect(source.sim.simTimeMs).toBe(effectiveSimTimeMs);
    expect(source.signals.runningPlan('x')).toEqual(plan);

    const audits = signalAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_role: 'operator', command: 'apply-signal-plan', outcome: 'ok' });
    const detail = JSON.parse(audits[0]!.detail!) as { before: SignalPlan; after: SignalPlan };
    expect(detail.before.version).toBe(1);
    expect(detail.after).toEqual(plan);
  });

  it('refuses a plan with conflicting movements even when the UI is bypassed, naming the field, and audits nothing', async () => {
    const operator = await client(OPERATOR);
    const plan = retimed(3, 20, 14);
    plan.phases[0]!.movementIds.push('wIn>eOut'); // east–west through, green with north–south
    const reply = await request(operator, { type: 'apply-signal-plan', plan, reason: 'bypassing the panel' });
    expect(reply).toMatchObject({ type: 'error', code: 'invalid' });
    if (reply.type !== 'error') throw new Error('unreachable');
    expect(reply.message).toMatch(/^plan\.phases\[0\]\.movementIds\[6\]: wIn>eOut \(through\) crosses .* \(rule conflict\)/);
    expect(signalAudits()).toHaveLength(1);
  });

  it('refuses a version that is not the newest + 1, and a yellow out of range, naming each field', async () => {
    const operator = await client(OPERATOR);
    const stale = await request(operator, { type: 'apply-signal-plan', plan: retimed(2, 20, 14), reason: 'stale' });
    expect(stale).toMatchObject({ type: 'error', code: 'invalid', message: 'plan.version: expected 3, the version after the newest, got 2' });
    const plan = retimed(3, 20, 14);
    plan.phases[1]!.yellowS = 8;
    plan.cycleS += 5;
    const yellow = await request(operator, { type: 'apply-signal-plan', plan, reason: 'long yellow' });
    expect(yellow).toMatchObject({ type: 'error', code: 'invalid', message: 'plan.phases[1].yellowS: yellow must be 3–6 s, got 8 (rule yellow-range)' });
    expect(signalAudits()).toHaveLength(1);
  });

  it('refuses a viewer’s apply as forbidden, without an audit entry', async () => {
    const viewer = await client(VIEWER);
    const reply = await request(viewer, { type: 'apply-signal-plan', plan: retimed(3, 20, 14), reason: 'viewer' });
    expect(reply).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(signalAudits()).toHaveLength(1);
    expect(source.signals.pending('x')).toBeUndefined();
  });

  it('rolls back to an earlier version’s timing as a new version', async () => {
    const operator = await client(OPERATOR);
    const other = await client(VIEWER);
    const reply = await request(operator, { type: 'rollback-signal-plan', nodeId: 'x', toVersion: 1, reason: 'back to the default' });
    expect(reply.type).toBe('ack');
    const changed = await nextOfType(other, 'signal-plan-changed');
    expect(changed.change).toMatchObject({ version: 3, origin: 'rollback', actorRole: 'operator' });
    const { version: _v, ...defaultTiming } = (await historyOf(operator))[0]!.plan;
    const { version: _w, ...rolledBack } = changed.change.plan;
    expect(rolledBack).toEqual(defaultTiming);
    expect(signalAudits().map((row) => row.command)).toEqual(['apply-signal-plan', 'rollback-signal-plan']);

    const missing = await request(operator, { type: 'rollback-signal-plan', nodeId: 'x', toVersion: 9, reason: 'nothing there' });
    expect(missing).toMatchObject({ type: 'error', code: 'not-found', message: 'x has no plan version 9' });
  });

  it('re-splits the greens from measured flows in adaptive mode, within the plan’s limits, as the system', async () => {
    const operator = await client(OPERATOR);
    const other = await client(VIEWER);
    await source.advance(120);
    expect((await request(operator, { type: 'apply-signal-plan', plan: retimed(4, 28, 12), reason: 'lopsided on purpose' })).type).toBe('ack');
    await source.advance(120);
    const mode = await request(operator, { type: 'set-signal-mode', scope: 'district', scopeId: 'd', mode: 'adaptive', reason: 'peak' });
    expect(mode.type).toBe('ack');
    let changed = await nextOfType(other, 'signal-plan-changed');
    expect(changed).toMatchObject({ mode: 'fixed', change: { version: 4 } }); // the lopsided plan
    changed = await nextOfType(other, 'signal-plan-changed');
    expect(changed).toMatchObject({ nodeId: 'x', mode: 'adaptive', change: { version: 4 } });

    await source.advance(600);
    const history = await historyOf(operator);
    const adaptive = history.filter((v) => v.origin === 'adaptive');
    expect(adaptive.length).toBeGreaterThan(0);
    const first = adaptive[0]!;
    expect(first).toMatchObject({ version: 5, actorRole: 'system', actorLabel: 'adaptive' });
    expect(first.plan.cycleS).toBe(50); // coordinated: the cycle stays
    for (const phase of first.plan.phases) expect(phase.greenS).toBeGreaterThanOrEqual(requiredGreenS(phase));
    expect(checkPlanRules(first.plan, source.signals.movements('x'), approachBearingsDeg(city.meta, 'x'))).toEqual([]);
    expect(Math.abs(first.plan.phases[0]!.greenS - first.plan.phases[1]!.greenS)).toBeLessThan(16); // the lopsided 28/12 evened out

    const status = await nextOfType(operator, 'signal-status');
    expect(status.mode).toBe('adaptive');
    expect(status.lastAdaptiveChange?.summary).toMatch(/^greens \d+\/\d+ → \d+\/\d+ s$/);
    const audits = signalAudits();
    expect(audits.filter((row) => row.command === 'set-signal-mode')).toHaveLength(1);
    expect(audits.filter((row) => row.command === 'adaptive-signal-plan' && row.actor_role === 'system')).toHaveLength(adaptive.length);
  });

  it('tells a client that connects today’s signal work', async () => {
    const late = await openTestClient(bridge.origin);
    clients.push(late);
    late.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token: VIEWER });
    const activity = await nextOfType(late, 'signal-activity');
    expect(activity).toMatchObject({ operatorChangesToday: 3, adaptiveIntersections: 1, maxPressureIntersections: 0, fixedIntersections: 0 });
    expect(activity.adaptiveChangesToday).toBeGreaterThan(0);
  });

  it('reports delay and queue before and after a version took over', async () => {
    const viewer = await client(VIEWER);
    const effect = await request(viewer, { type: 'get-signal-effect', nodeId: 'x', version: 2, windowS: 300 });
    expect(effect).toMatchObject({ type: 'signal-effect', nodeId: 'x', version: 2, windowS: 300 });
    if (effect.type !== 'signal-effect') throw new Error('unreachable');
    expect(effect.before.coveredS).toBeGreaterThan(0);
    // One sample per sim minute: a 5-minute window holds 4 or 5 of them, depending on where the change fell.
    expect(effect.after.coveredS).toBeGreaterThanOrEqual(240);
    expect(effect.after.coveredS).toBeLessThanOrEqual(300);
    expect(effect.after.delayPerVehS).toBeGreaterThan(0);
  });

  it('brings back the newest plan of the history, and adaptive mode, when a bridge restarts on the same store', async () => {
    const newest = (await historyOf(await client(VIEWER))).at(-1)!;
    const restartedSource = new SteppedSimSource(city);
    expect(restartedSource.signals.runningPlan('x').version).toBe(1);
    const tokens = new TokenRegistry();
    tokens.add(VIEWER, 'viewer');
    const restarted = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city, tokens, source: restartedSource, dataDir });
    try {
      await new Promise((resolve) => setImmediate(resolve));
      expect(restartedSource.signals.pending('x')?.plan ?? restartedSource.signals.runningPlan('x')).toEqual(newest.plan);
      const health = (await (await fetch(`${restarted.origin}/api/health`)).json()) as { signals: { adaptive: number } };
      expect(health.signals.adaptive).toBe(1);
    } finally {
      await restarted.close();
    }
  });
});

describe('max-pressure mode over WebSocket', () => {
  const mpDir = mkdtempSync(join(tmpdir(), 'citybrain-maxpressure-'));
  const mpSource = new SteppedSimSource(city);
  afterAll(() => rmSync(mpDir, { recursive: true, force: true }));

  it('hands a district to max-pressure, audited with the mode before and after, and brings it back after a restart', async () => {
    const tokens = new TokenRegistry();
    tokens.add(OPERATOR, 'operator');
    const first = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city, tokens, source: mpSource, dataDir: mpDir });
    try {
      const operator = await clientOf(first, OPERATOR);
      const reply = await request(operator, { type: 'set-signal-mode', scope: 'district', scopeId: 'd', mode: 'maxpressure', reason: 'try it' });
      expect(reply.type).toBe('ack');
      expect(mpSource.sim.actuation('x')).toBe('maxpressure');
      const audits = auditRowsIn(mpDir).filter((row) => row.command === 'set-signal-mode');
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actor_role: 'operator', outcome: 'ok' });
      expect(JSON.parse(audits[0]!.detail!)).toEqual({ before: { x: 'fixed' }, after: 'maxpressure' });
    } finally {
      await first.close();
    }

    const restartedSource = new SteppedSimSource(city);
    expect(restartedSource.sim.actuation('x')).toBe('plan');
    const restarted = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city, tokens: new TokenRegistry(), source: restartedSource, dataDir: mpDir });
    try {
      expect(restartedSource.sim.actuation('x')).toBe('maxpressure');
    } finally {
      await restarted.close();
    }
  });

  it('refuses max-pressure, naming why, where the source’s controllers run plans only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citybrain-planonly-'));
    const tokens = new TokenRegistry();
    tokens.add(OPERATOR, 'operator');
    const planOnly = await startBridge({ ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city, tokens, source: plansOnly(new SteppedSimSource(city)), dataDir: dir });
    try {
      const operator = await clientOf(planOnly, OPERATOR);
      const reply = await request(operator, { type: 'set-signal-mode', scope: 'intersection', scopeId: 'x', mode: 'maxpressure', reason: 'try it' });
      expect(reply).toMatchObject({ type: 'error', code: 'rejected' });
      if (reply.type !== 'error') throw new Error('unreachable');
      expect(reply.message).toMatch(/run plans only; max-pressure needs a simulated city/);
      expect((await request(operator, { type: 'set-signal-mode', scope: 'intersection', scopeId: 'x', mode: 'adaptive', reason: 'still fine' })).type).toBe('ack');
    } finally {
      await planOnly.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function clientOf(running: RunningBridge, token: string): Promise<TestClient> {
  const created = await openTestClient(running.origin);
  clients.push(created);
  created.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token, client: 'signal-test/1' });
  await nextOfType(created, 'welcome');
  return created;
}

function auditRowsIn(dir: string) {
  const db = new Database(join(dir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT actor_role, command, outcome, detail FROM audit_log ORDER BY id').all() as {
      actor_role: string;
      command: string;
      outcome: string;
      detail: string | null;
    }[];
  } finally {
    db.close();
  }
}

/** The stepped sim behind controllers that only run plans, as field controllers over MQTT do: no `setActuation`. */
function plansOnly(inner: SteppedSimSource): LiveSource {
  const s = inner.signals;
  const signals: SignalAccess = {
    nodeIds: () => s.nodeIds(),
    runningPlan: (nodeId) => s.runningPlan(nodeId),
    pending: (nodeId) => s.pending(nodeId),
    state: (nodeId) => s.state(nodeId),
    movements: (nodeId) => s.movements(nodeId),
    measure: (nodeId) => s.measure(nodeId),
    apply: (plan) => s.apply(plan),
  };
  return {
    name: 'field',
    signals,
    start: (sink) => inner.start(sink),
    stop: () => inner.stop(),
    setClock: () => inner.setClock(),
    createIncident: () => inner.createIncident(),
  };
}

async function historyOf(c: TestClient) {
  const reply = await request(c, { type: 'watch-signal', nodeId: 'x' });
  if (reply.type !== 'signal-history') throw new Error(`expected signal-history, got ${reply.type}`);
  return reply.versions;
}
