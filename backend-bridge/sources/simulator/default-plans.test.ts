import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../city/demo-city';
import { approachBearingsDeg, checkPlanRules } from '../../protocol/signal-rules';
import { TURNS, checkSignalPlan } from '../../protocol/signals';
import { PROGRESSION_SPEED_KMH } from './coordination';
import { SIGNAL_TIMING, defaultSignalPlans, designPhases } from './default-plans';
import { peakSourceRatesVehPerS } from './demand';
import { compileNetwork } from './network';
import { planFlowsVehPerS } from './tidal-demand';

const city = generateDemoCity();
const net = compileNetwork(city.meta, { seed: 1 });
const planFlows = planFlowsVehPerS(net, peakSourceRatesVehPerS(city.meta, net));
const plans = defaultSignalPlans(net, planFlows);
const movementVehPerH = planFlows.dailyVehPerS.map((q) => q * 3600);
const designHourVehPerH = planFlows.designHourVehPerS.map((q) => q * 3600);

describe('default signal plans of the demo city', () => {
  it('give every signalized node a valid plan that serves each of its movements in exactly one phase', () => {
    const signalized = city.meta.nodes.flatMap((n, i) => (n.signalized ? [i] : []));
    expect([...plans.keys()].sort((a, b) => a - b)).toEqual(signalized);
    for (const [node, plan] of plans) {
      expect(checkSignalPlan(plan)).toEqual(plan);
      const served = plan.phases.flatMap((p) => p.movementIds).sort();
      const movements = net.movements.ids.slice(net.movements.nodeStart[node], net.movements.nodeStart[node + 1]).sort();
      expect(served).toEqual(movements);
    }
  });

  it('pass every timing and safety rule the bridge checks before it applies a plan, conflicts included', () => {
    const { movements, links } = net;
    for (const [node, plan] of plans) {
      const nodeMovements = [];
      for (let m = movements.nodeStart[node]!; m < movements.nodeStart[node + 1]!; m++) {
        nodeMovements.push({ id: movements.ids[m]!, inLinkId: links.ids[movements.fromLink[m]!]!, outLinkId: links.ids[movements.toLink[m]!]!, turn: TURNS[movements.turn[m]!]! });
      }
      expect(checkPlanRules(plan, nodeMovements, approachBearingsDeg(city.meta, plan.nodeId))).toEqual([]);
    }
  });

  it('keep cycles within 40–150 s and every green at its minimum or above, pedestrians included', () => {
    for (const plan of plans.values()) {
      expect(plan.cycleS).toBeGreaterThanOrEqual(SIGNAL_TIMING.minCycleS);
      expect(plan.cycleS).toBeLessThanOrEqual(SIGNAL_TIMING.maxCycleS);
      for (const phase of plan.phases) {
        expect([phase.yellowS, phase.allRedS]).toEqual([3, 2]);
        expect(phase.greenS).toBeGreaterThanOrEqual(phase.minGreenS);
        expect(phase.greenS + phase.yellowS + phase.allRedS).toBeGreaterThanOrEqual(SIGNAL_TIMING.pedWalkS + phase.pedClearanceS);
      }
    }
  });

  it('protect left turns where the cross-product warrant asks for it, and run two phases elsewhere', () => {
    const phaseCounts = [...plans.values()].map((p) => p.phases.length);
    expect(phaseCounts.filter((n) => n === 2).length).toBeGreaterThan(0);
    expect(phaseCounts.filter((n) => n >= 3).length).toBeGreaterThan(0);
    for (const plan of plans.values()) {
      const lefts = plan.phases.filter((p) => p.id.endsWith('-left'));
      for (const phase of lefts) expect(phase.pedClearanceS).toBe(0);
    }
  });

  it('split the green in proportion to the critical flow ratios where no minimum binds', () => {
    let compared = 0;
    for (const [node, plan] of plans) {
      const designs = designPhases(net, node, movementVehPerH, designHourVehPerH);
      const free = plan.phases.map((p, i) => ({ greenS: p.greenS, y: designs[i]!.criticalRatio, min: designs[i]!.requiredGreenS }));
      if (free.some((p) => p.greenS <= p.min + 1)) continue;
      const greenS = free.reduce((sum, p) => sum + p.greenS, 0);
      const y = free.reduce((sum, p) => sum + p.y, 0);
      for (const p of free) expect(Math.abs(p.greenS - (greenS * p.y) / y)).toBeLessThanOrEqual(1);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('run one cycle per district, with offsets that make a green wave towards the centre', () => {
    const cycleByDistrict = new Map<number, number>();
    for (const [node, plan] of plans) {
      const district = net.nodes.district[node]!;
      expect(plan.cycleS).toBe(cycleByDistrict.get(district) ?? plan.cycleS);
      cycleByDistrict.set(district, plan.cycleS);
    }
    const toCentreM = (node: number) => Math.abs(net.nodes.xM[node]! - net.centreXM) + Math.abs(net.nodes.yM[node]! - net.centreYM);
    let checked = 0;
    for (let l = 0; l < net.links.count; l++) {
      const [from, to] = [net.links.fromNode[l]!, net.links.toNode[l]!];
      const [a, b] = [plans.get(from), plans.get(to)];
      if (!a || !b || a.cycleS !== b.cycleS) continue;
      const travelS = (toCentreM(from) - toCentreM(to)) / (PROGRESSION_SPEED_KMH / 3.6);
      if (travelS <= 0) continue;
      const gapS = (((b.offsetS - a.offsetS - travelS) % a.cycleS) + a.cycleS) % a.cycleS;
      expect(Math.min(gapS, a.cycleS - gapS)).toBeLessThanOrEqual(1);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
