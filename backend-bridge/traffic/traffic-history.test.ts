import { describe, expect, it } from 'vitest';
import { TRAFFIC_HISTORY_STEP_MS as HISTORY_STEP_MS } from '../protocol';
import { HISTORY_POINTS, TrafficHistory } from './traffic-history';

const point = (minute: number, tti = 1.2) => ({ simTimeMs: minute * HISTORY_STEP_MS, travelTimeIndex: tti, avgSpeedKmh: 40 });

describe('TrafficHistory', () => {
  it('keeps the first sample of each sim minute', () => {
    const history = new TrafficHistory();
    history.add(point(0, 1.1));
    history.add({ ...point(0, 1.9), simTimeMs: 30_000 });
    history.add(point(1, 1.3));
    expect(history.list().map((p) => p.travelTimeIndex)).toEqual([1.1, 1.3]);
  });

  it('keeps only the last twelve hours', () => {
    const history = new TrafficHistory();
    for (let minute = 0; minute < HISTORY_POINTS + 10; minute++) history.add(point(minute));
    const list = history.list();
    expect(list).toHaveLength(HISTORY_POINTS);
    expect(list[0]!.simTimeMs).toBe(10 * HISTORY_STEP_MS);
  });

  it('starts over when time goes backwards', () => {
    const history = new TrafficHistory();
    history.add(point(10));
    history.add(point(11));
    history.add(point(3));
    expect(history.list().map((p) => p.simTimeMs)).toEqual([3 * HISTORY_STEP_MS]);
  });
});
