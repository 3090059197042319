import { TRAFFIC_HISTORY_STEP_MS, type TrafficSummaryMessage } from '@protocol';
import { describe, expect, it } from 'vitest';
import { HISTORY_WINDOW_MS, appendSummary, historyFromMessage } from './traffic-history';

const T0 = Date.UTC(2030, 0, 1, 0, 0, 0);
const MINUTE = 60_000;

function summary(simTimeMs: number, travelTimeIndex: number, avgSpeedKmh = 40): TrafficSummaryMessage {
  return { type: 'traffic-summary', simTimeMs, city: { avgSpeedKmh, travelTimeIndex, vehicles: 100 }, districts: [] };
}

describe('historyFromMessage', () => {
  it('orders the points oldest first and keeps only the last six hours', () => {
    const history = historyFromMessage({
      type: 'traffic-history',
      points: [
        { simTimeMs: T0 + 7 * 3600_000, travelTimeIndex: 1.4, avgSpeedKmh: 30 },
        { simTimeMs: T0, travelTimeIndex: 1.1, avgSpeedKmh: 45 },
        { simTimeMs: T0 + 3600_000, travelTimeIndex: 1.2, avgSpeedKmh: 40 },
      ],
    });
    expect(HISTORY_WINDOW_MS).toBe(6 * 3600_000);
    expect(history.map((point) => point.travelTimeIndex)).toEqual([1.2, 1.4]);
  });
});

describe('appendSummary', () => {
  it("adds each summary's citywide figures", () => {
    const history = appendSummary(appendSummary([], summary(T0, 1.1, 44)), summary(T0 + 5 * MINUTE, 1.3, 38));
    expect(history).toEqual([
      { simTimeMs: T0, travelTimeIndex: 1.1, avgSpeedKmh: 44 },
      { simTimeMs: T0 + 5 * MINUTE, travelTimeIndex: 1.3, avgSpeedKmh: 38 },
    ]);
  });

  it('keeps one point per minute of sim time, the latest summary of the minute', () => {
    expect(TRAFFIC_HISTORY_STEP_MS).toBe(MINUTE);
    let history = appendSummary([], summary(T0, 1.1));
    for (let second = 1; second <= 150; second++) history = appendSummary(history, summary(T0 + second * 1000, 1 + second / 1000));
    expect(history.map((point) => (point.simTimeMs - T0) / 1000)).toEqual([59, 119, 150]);
    expect(history.at(-1)?.travelTimeIndex).toBeCloseTo(1.15, 9);
  });

  it('ignores a summary no newer than the last point', () => {
    const history = appendSummary([], summary(T0 + MINUTE, 1.2));
    expect(appendSummary(history, summary(T0, 9))).toBe(history);
    expect(appendSummary(history, summary(T0 + MINUTE, 9))).toBe(history);
  });

  it('starts again from a summary more than a step older than the last point (a replay sought backwards)', () => {
    let history = appendSummary([], summary(T0, 1.1));
    history = appendSummary(history, summary(T0 + 30 * MINUTE, 1.4));
    expect(appendSummary(history, summary(T0 + 10 * MINUTE, 1.2))).toEqual([{ simTimeMs: T0 + 10 * MINUTE, travelTimeIndex: 1.2, avgSpeedKmh: 40 }]);
  });

  it('drops points older than six hours before the newest', () => {
    let history = appendSummary([], summary(T0, 1.1));
    history = appendSummary(history, summary(T0 + 3 * 3600_000, 1.2));
    history = appendSummary(history, summary(T0 + 6 * 3600_000 + MINUTE, 1.3));
    expect(history.map((point) => point.travelTimeIndex)).toEqual([1.2, 1.3]);
  });

  it('leaves the array it was given untouched', () => {
    const history = Object.freeze(appendSummary([], summary(T0, 1.1)));
    expect(() => appendSummary(history, summary(T0 + 10 * MINUTE, 1.2))).not.toThrow();
    expect(history).toHaveLength(1);
  });
});
