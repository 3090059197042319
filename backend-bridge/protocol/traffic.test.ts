import { describe, expect, it } from 'vitest';
import { TRAFFIC_HISTORY_STEP_MS, trafficHistoryStep } from './traffic';

describe('trafficHistoryStep', () => {
  it('puts every instant of one sim minute in the same step, and the next minute in the next', () => {
    const start = 29_000_000 * TRAFFIC_HISTORY_STEP_MS;
    expect(TRAFFIC_HISTORY_STEP_MS).toBe(60_000);
    expect(trafficHistoryStep(start)).toBe(trafficHistoryStep(start + 59_999));
    expect(trafficHistoryStep(start + 60_000)).toBe(trafficHistoryStep(start) + 1);
  });
});
