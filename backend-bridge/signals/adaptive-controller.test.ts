import { describe, expect, it } from 'vitest';
import type { SignalPlan } from '../protocol';
import { approachBearingsDeg } from '../protocol/signal-rules';
import { SimSignalAccess } from '../sources/simulator/sim-signal-access';
import { TrafficSim } from '../sources/simulator/traffic-sim';
import type { AuditEntry } from '../store/audit-log';
import { openDatabase } from '../store/database';
import { AdaptiveController, type AdaptiveOptions } from './adaptive-controller';
import { crossingCity } from './crossing-city.fixture';
import { PlanHistory } from './plan-history';
import { PlanService } from './plan-service';

const city = crossingCity();

/** Counts what the controller measures, to see when it looks. */
class CountingAccess extends SimSignalAccess {
  measured = 0;
  override measure(nodeId: string) {
    this.measured++;
    return super.measure(nodeId);
  }
}

function setUp(options: AdaptiveOptions = {}) {
  const sim = new TrafficSim(city, { seed: 3, warmUpS: 600, randomIncidentsPerHour: 0 });
  const signals = new CountingAccess(sim);
  const audits: AuditEntry[] = [];
  const plans = new PlanService({
    signals,
    history: new PlanHistory(openDatabase(null)),
    audit: { record: (entry) => audits.push(entry) },
    bearingsOf: (nodeId) => approachBearingsDeg(city.meta, nodeId),
    simTimeMs: () => sim.simTimeMs,
    onChange: () => {},
  });
  const controller = new AdaptiveController(signals, plans, options);
  return { sim, signals, plans, controller, audits };
}

/** North–south 28 s, east–west 12 s: lopsided for the crossing's even flows; cycle 50 s. */
function lopsided(plan: SignalPlan): SignalPlan {
  const phases = plan.phases.map((p) => ({ ...p, greenS: p.id === 'ns' ? 28 : 12 }));
  return { ...plan, version: 2, cycleS: 50, offsetS: 0, phases };
}

describe('AdaptiveController', () => {
  it('re-splits a lopsided plan from measured flows, keeping its cycle, and audits the change as the system', async () => {
    const { sim, signals, plans, controller, audits } = setUp();
    await plans.change({ plan: lopsided(signals.runningPlan('x')), origin: 'operator', actor: { role: 'operator', label: 't' }, reason: 't', audit: { atMs: 0, actorRole: 'operator', actorLabel: 't', command: 'apply-signal-plan', payload: null, outcome: 'ok' } });
    sim.advance(300);
    controller.setAdaptive('x', true);
    await controller.tick(sim.simTimeMs);

    const change = plans.newest('x');
    expect(change).toMatchObject({ version: 3, origin: 'adaptive', actorRole: 'system' });
    expect(change.plan.cycleS).toBe(50);
    expect(change.plan.phases[0]!.greenS).toBeLessThan(28);
    expect(controller.lastChange('x')).toEqual({ version: 3, effectiveSimTimeMs: change.effectiveSimTimeMs, summary: `greens 28/12 → ${change.plan.phases.map((p) => p.greenS).join('/')} s` });
    expect(audits.at(-1)).toMatchObject({ actorRole: 'system', command: 'adaptive-signal-plan', outcome: 'ok' });
  });

  it('looks at a node again only after three cycles of its current split', async () => {
    const { sim, signals, controller } = setUp();
    controller.setAdaptive('x', true);
    await controller.tick(sim.simTimeMs);
    expect(signals.measured).toBe(1);
    const cycleS = signals.runningPlan('x').cycleS;
    const since = sim.simTimeMs;
    sim.advance(signals.pending('x') ? (signals.pending('x')!.effectiveSimTimeMs - since) / 1000 : 0);
    const lookedAtMs = sim.simTimeMs;
    sim.advance(3 * cycleS - 1);
    await controller.tick(sim.simTimeMs);
    expect(signals.measured).toBe(1);
    sim.advance(1);
    await controller.tick(sim.simTimeMs);
    expect(sim.simTimeMs).toBe(lookedAtMs + 3 * cycleS * 1000);
    expect(signals.measured).toBe(2);
  });

  it('leaves a plan alone when no green would move by the smallest change worth making, and nodes in fixed mode', async () => {
    const { sim, signals, plans, controller } = setUp({ minChangeS: 1000 });
    controller.setAdaptive('x', true);
    await controller.tick(sim.simTimeMs);
    expect(plans.newest('x').version).toBe(1);
    controller.setAdaptive('x', false);
    await controller.tick(sim.simTimeMs + 3_600_000);
    expect(signals.measured).toBe(1);
    expect(controller.changesMade).toBe(0);
  });
});
