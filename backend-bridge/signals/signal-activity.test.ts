import { describe, expect, it } from 'vitest';
import { signalActivity } from './signal-activity';
import { SAMPLE_INTERVAL_MS, SignalSeries } from './signal-series';

/** 08:00 Beijing time on 3 June 2024, and the local midnight before it. */
const EIGHT_AM_MS = Date.UTC(2024, 5, 3, 0);
const MIDNIGHT_MS = Date.UTC(2024, 5, 2, 16);

describe('signalActivity', () => {
  it('reports today’s changes, the modes, and the mean delay change 30 minutes either side of each settled change', () => {
    const series = new SignalSeries();
    const changeAtMs = EIGHT_AM_MS - 3_600_000;
    for (let t = changeAtMs - 1_800_000; t < changeAtMs + 1_800_000; t += SAMPLE_INTERVAL_MS) {
      series.add('a', t, { delayPerVehS: t < changeAtMs ? 40 : 30, queueVeh: 0 });
      series.add('b', t, { delayPerVehS: t < changeAtMs ? 20 : 18, queueVeh: 0 });
    }
    const activity = signalActivity({
      simTimeMs: EIGHT_AM_MS,
      daySimStartMs: MIDNIGHT_MS,
      counts: { operator: 2, adaptive: 5 },
      settledChanges: [
        { nodeId: 'a', effectiveSimTimeMs: changeAtMs },
        { nodeId: 'b', effectiveSimTimeMs: changeAtMs },
        { nodeId: 'unsampled', effectiveSimTimeMs: changeAtMs },
      ],
      series,
      adaptiveIntersections: 3,
      maxPressureIntersections: 1,
      signalizedIntersections: 10,
    });
    expect(activity).toEqual({
      type: 'signal-activity',
      daySimStartMs: MIDNIGHT_MS,
      operatorChangesToday: 2,
      adaptiveChangesToday: 5,
      adaptiveIntersections: 3,
      maxPressureIntersections: 1,
      fixedIntersections: 7,
      delayChangePct: -17.5, // (−25 % − 10 %) / 2
    });
  });

  it('leaves the delay change out until a change has settled', () => {
    const activity = signalActivity({ simTimeMs: EIGHT_AM_MS, daySimStartMs: MIDNIGHT_MS, counts: { operator: 1, adaptive: 0 }, settledChanges: [], series: new SignalSeries(), adaptiveIntersections: 0, maxPressureIntersections: 0, signalizedIntersections: 1 });
    expect(activity.delayChangePct).toBeUndefined();
  });
});
