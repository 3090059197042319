import { describe, expect, it } from 'vitest';
import { type SignalPlan, detailFiguresSchema, parseAt } from '../protocol';
import type { SignalAccess } from '../sources/signal-access';
import { drillInputs, drillLinkTraffic } from './drill-city.fixture';
import { intersectionFigures } from './intersection-figures';

const node = (id: string) => drillInputs().index.nodeById.get(id)!;

const plan: SignalPlan = {
  nodeId: 'b',
  version: 3,
  cycleS: 60,
  offsetS: 0,
  phases: [
    { id: 'west', name: { zh: '西进口', en: 'West' }, movementIds: ['ab>bs'], greenS: 27, yellowS: 3, allRedS: 0, minGreenS: 5, pedClearanceS: 0 },
    { id: 'east', name: { zh: '东进口', en: 'East' }, movementIds: ['cb>bs'], greenS: 27, yellowS: 3, allRedS: 0, minGreenS: 5, pedClearanceS: 0 },
  ],
};

/** A source that measures node b itself. */
const measuredSignals: SignalAccess = {
  nodeIds: () => ['b'],
  runningPlan: () => plan,
  pending: () => undefined,
  state: () => ({ phaseIndex: 1, interval: 'green', remainingS: 12 }),
  movements: () => [],
  measure: () => ({
    simTimeMs: 0,
    approaches: [
      { linkId: 'ab', volumeVehPerH: 420, queueVeh: 7 },
      { linkId: 'cb', volumeVehPerH: 1100, queueVeh: 2 },
    ],
    movements: [],
    delayPerVehS: 23.5,
  }),
  apply: () => Promise.reject(new Error('not in this test')),
};

describe('intersectionFigures', () => {
  it('estimates approaches and delay from the incoming links when the source does not measure the node', () => {
    const figures = intersectionFigures(drillInputs(), node('b'));
    expect(parseAt(detailFiguresSchema, figures, 'figures')).toEqual(figures);
    // ab crawls at 9 km/h, below the queue speed: its 60 veh/km on 100 m of one lane all queue.
    expect(figures.approaches).toEqual([
      { linkId: 'ab', volumeVehPerH: 400, queueVeh: 6 },
      { linkId: 'cb', volumeVehPerH: 1200, queueVeh: 0 },
    ]);
    // Time lost: ab 40 s − 10 s = 30 s for 400 veh/h; cb 10 s − 5 s = 5 s for 1200 veh/h → 18000 / 1600.
    expect(figures.delayPerVehS).toBeCloseTo(11.25, 9);
    expect(figures.signal).toBeUndefined();
    expect(figures).toMatchObject({ level: 'intersection', nodeId: 'b', districtId: 'north' });
  });

  it('lists the open alerts within 300 m, nearest first, with their distances', () => {
    const rows = intersectionFigures(drillInputs(), node('b')).nearbyAlerts;
    expect(rows.map((r) => r.id)).toEqual(['n-minor', 'n-severe']);
    expect(rows[0]!.distanceM).toBe(5);
    expect(rows[1]!.distanceM).toBeCloseTo(Math.hypot(50, 100), 9);
  });

  it('takes the measured approaches, delay, plan, phase and mode from a source that has them', () => {
    const figures = intersectionFigures(drillInputs({ signals: measuredSignals, modes: { modeOf: () => 'adaptive' } }), node('b'));
    expect(parseAt(detailFiguresSchema, figures, 'figures')).toEqual(figures);
    expect(figures.approaches).toEqual([
      { linkId: 'ab', volumeVehPerH: 420, queueVeh: 7 },
      { linkId: 'cb', volumeVehPerH: 1100, queueVeh: 2 },
    ]);
    expect(figures.delayPerVehS).toBe(23.5);
    expect(figures.signal).toEqual({ plan, mode: 'adaptive', phaseIndex: 1, interval: 'green', remainingS: 12 });
  });

  it('has no approaches and no delay at a node nothing enters, and no delay on empty roads', () => {
    expect(intersectionFigures(drillInputs(), node('a'))).toMatchObject({ approaches: [], delayPerVehS: 0 });
    const empty = intersectionFigures(drillInputs({ links: null }), node('b'));
    expect(empty.approaches).toEqual([
      { linkId: 'ab', volumeVehPerH: 0, queueVeh: 0 },
      { linkId: 'cb', volumeVehPerH: 0, queueVeh: 0 },
    ]);
    expect(empty.delayPerVehS).toBe(0);
  });

  it('counts no time lost on a standing approach that lets nobody through', () => {
    const links = drillLinkTraffic();
    links.speedKmh.set([0, 72]);
    links.flowVehPerH.set([0, 1200]);
    const figures = intersectionFigures(drillInputs({ links }), node('b'));
    expect(figures.delayPerVehS).toBe(0);
    expect(figures.approaches[0]).toEqual({ linkId: 'ab', volumeVehPerH: 0, queueVeh: 6 });
  });
});
