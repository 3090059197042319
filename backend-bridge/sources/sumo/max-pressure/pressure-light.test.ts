import { describe, expect, it } from 'vitest';
import type { TrafficReading } from '../traci';
import { type ApproachRoad, approachGraph } from './approaches';
import type { LightModel, LightPhase, LaneMovement } from './light-phases';
import { PressureLight, decisionStepS, laneApproaches, phaseQueues } from './pressure-light';

const phase = (planPhaseIndex: number, greenState: string, movements: [string, LaneMovement][]): LightPhase => ({
  planPhaseIndex,
  greenState,
  minGreenS: 5,
  pedClearanceS: 0,
  yellowS: 3,
  allRedS: 1,
  movements: new Map(movements),
});

/** Light J: north (n_0, straight on) in its first green; west (w_0, one of its two links) in its second. */
const light: LightModel = {
  tlId: 'J',
  phases: [phase(0, 'Gr', [['n_0', { outLanes: ['s_0'], linkShare: 1 }]]), phase(2, 'rG', [['w_0', { outLanes: ['e_0', 'e_1'], linkShare: 0.5 }]])],
};

const road = (edgeId: string, fromJunctionId: string, lengthM: number, laneCount = 1): ApproachRoad => ({ edgeId, fromJunctionId, laneCount, lengthM, speedMps: 10 });
/** n (40 m) is fed by nn (200 m) through an unsignalised junction; w starts at another light. */
const approaches = approachGraph({
  roads: [road('n', 'a', 40), road('nn', 'x', 200), road('w', 'L', 100, 2)],
  feeds: [{ fromEdgeId: 'nn', toEdgeId: 'n' }],
  lightJunctionIds: new Set(['J', 'L']),
});

const reading = (vehicleCount: number, haltingCount: number): TrafficReading => ({ meanSpeedMps: 0, occupancyPct: 0, vehicleCount, haltingCount });
const readings = {
  lanes: new Map([
    ['n_0', reading(5, 3)],
    ['s_0', reading(1, 1)],
    ['w_0', reading(4, 0)],
    ['e_0', reading(2, 2)],
    ['e_1', reading(3, 0)],
  ]),
  edges: new Map([['nn', reading(10, 2)]]),
};

describe('pressure light', () => {
  it('decides every two clearances', () => {
    expect(decisionStepS(light)).toBe(8);
  });

  it('counts queues whole and moving vehicles within one decision step’s drive, less the mean queue downstream', () => {
    const byLane = laneApproaches(light, approaches, decisionStepS(light));
    // n_0: its 3 halted and 2 moving (all within 80 m), nn's 2 halted and 8 moving × 40 / 200 m; s_0's one halted.
    expect(phaseQueues(light.phases[0]!, readings, byLane)).toEqual([{ upstreamVeh: 3 + 2 + 2 + 8 * 0.2, downstreamVeh: 1 }]);
    // w_0: 4 moving × 80 / 100 m, half of them for the green link; e_0 and e_1 halt 2 and 0.
    const [west] = phaseQueues(light.phases[1]!, readings, byLane);
    expect(west!.upstreamVeh).toBeCloseTo(1.6);
    expect(west!.downstreamVeh).toBe(1);
  });

  it('keeps its green to the decision while it serves someone, then clears through yellow and all-red to the heavier phase', () => {
    const pressureLight = new PressureLight(light, approaches, 1);
    expect(pressureLight.feederEdgeIds()).toEqual(['nn']);
    expect(pressureLight.laneIds().sort()).toEqual(['e_0', 'e_1', 'n_0', 's_0', 'w_0']);
    const shown: [number, string][] = [[0, pressureLight.shownState()]];
    for (let s = 1; s <= 14; s++) {
      pressureLight.advance(1, readings);
      if (pressureLight.shownState() !== shown.at(-1)![1]) shown.push([s, pressureLight.shownState()]);
    }
    expect(shown).toEqual([
      [0, 'rG'],
      [8, 'ry'],
      [11, 'rr'],
      [12, 'Gr'],
    ]);
    expect(pressureLight.state()).toMatchObject({ phaseIndex: 0, interval: 'green' });
  });

  it('keeps a green whose queue still stands for up to two more decision steps, then gives way', () => {
    const pressureLight = new PressureLight(light, approaches, 1);
    const westQueued = { ...readings, lanes: new Map([...readings.lanes, ['w_0', reading(4, 2)]]) };
    let switchedAtS = 0;
    for (let s = 1; s <= 40 && switchedAtS === 0; s++) {
      pressureLight.advance(1, westQueued);
      if (pressureLight.state().interval === 'yellow') switchedAtS = s;
    }
    // North weighs more from the first decision (8 s) on; west's standing cars hold it to 8 + 2 × 8 s.
    expect(switchedAtS).toBe(24);
  });

  it('ends a green at the first look past its minimum once nobody waits for it and another phase has more', () => {
    const pressureLight = new PressureLight(light, approaches, 1);
    const westEmpty = { ...readings, lanes: new Map([...readings.lanes, ['w_0', reading(0, 0)]]) };
    let switchedAtS = 0;
    for (let s = 1; s <= 8 && switchedAtS === 0; s++) {
      pressureLight.advance(1, westEmpty);
      if (pressureLight.state().interval === 'yellow') switchedAtS = s;
    }
    expect(switchedAtS).toBe(5);
  });
});
