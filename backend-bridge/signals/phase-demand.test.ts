import { describe, expect, it } from 'vitest';
import type { Movement, SignalPlan } from '../protocol';
import type { IntersectionMeasure } from '../sources/signal-access';
import { phaseDemandOf } from './phase-demand';

const movement = (inLinkId: string, outLinkId: string, turn: Movement['turn']): Movement => ({ id: `${inLinkId}>${outLinkId}`, inLinkId, outLinkId, turn });
/** The south approach (through and left) and the west approach (through only). */
const movements = [movement('sIn', 'nOut', 'through'), movement('sIn', 'wOut', 'left'), movement('wIn', 'eOut', 'through')];

const phase = (id: string, movementIds: string[]) => ({ id, name: { zh: id, en: id }, movementIds, greenS: 20, yellowS: 3, allRedS: 2, minGreenS: 7, pedClearanceS: 0 });

const measure = (flows: Record<string, [number, number]>): IntersectionMeasure => ({
  simTimeMs: 0,
  approaches: [],
  movements: Object.entries(flows).map(([movementId, [flowVehPerH, saturationFlowVehPerH]]) => ({ movementId, flowVehPerH, saturationFlowVehPerH })),
  delayPerVehS: 0,
});

/** The south approach: 800 veh/h arriving, 1800 veh/h discharging, three quarters of it through. */
const flows = measure({ 'sIn>nOut': [600, 1350], 'sIn>wOut': [200, 450], 'wIn>eOut': [500, 1800] });

describe('phaseDemandOf', () => {
  it('gives each phase its critical approach’s arrivals over the saturation flow the phase opens to it', () => {
    const plan: SignalPlan = { nodeId: 'x', version: 1, cycleS: 50, offsetS: 0, phases: [phase('ns', ['sIn>nOut', 'sIn>wOut']), phase('ew', ['wIn>eOut'])] };
    expect(phaseDemandOf(plan, flows, movements)).toEqual([
      { phaseId: 'ns', flowVehPerH: 800, saturationFlowVehPerH: 1800 },
      { phaseId: 'ew', flowVehPerH: 500, saturationFlowVehPerH: 1800 },
    ]);
  });

  it('makes the through phase carry a shared approach and leaves a protected left beside it at no critical flow', () => {
    const plan: SignalPlan = {
      nodeId: 'x',
      version: 1,
      cycleS: 75,
      offsetS: 0,
      phases: [phase('ns-left', ['sIn>wOut']), phase('ns-through', ['sIn>nOut']), phase('ew', ['wIn>eOut'])],
    };
    const [left, through, ew] = phaseDemandOf(plan, flows, movements);
    expect(left).toMatchObject({ phaseId: 'ns-left', flowVehPerH: 0 });
    expect(through).toEqual({ phaseId: 'ns-through', flowVehPerH: 800, saturationFlowVehPerH: 1350 });
    expect(ew).toEqual({ phaseId: 'ew', flowVehPerH: 500, saturationFlowVehPerH: 1800 });
  });

  it('gives a pedestrian-only phase no demand', () => {
    const plan: SignalPlan = { nodeId: 'x', version: 1, cycleS: 75, offsetS: 0, phases: [phase('all', movements.map((m) => m.id)), phase('walk', [])] };
    expect(phaseDemandOf(plan, flows, movements)[1]).toMatchObject({ phaseId: 'walk', flowVehPerH: 0 });
  });
});
