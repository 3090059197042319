import { describe, expect, it } from 'vitest';
import { SAMPLE_INTERVAL_MS, SignalSeries } from './signal-series';

const MINUTE = SAMPLE_INTERVAL_MS;

describe('SignalSeries', () => {
  it('samples once per sim minute however often it is called', () => {
    const series = new SignalSeries();
    let calls = 0;
    const measure = () => ({ delayPerVehS: ++calls, queueVeh: 0 });
    for (let s = 0; s < 180; s += 10) series.sampleIfDue(s * 1000, ['a'], measure);
    expect(calls).toBe(3);
  });

  it('averages delay and queue before and after a change over the window asked for', () => {
    const series = new SignalSeries();
    for (let minute = 0; minute < 20; minute++) series.add('a', minute * MINUTE, minute < 10 ? { delayPerVehS: 40, queueVeh: 8 } : { delayPerVehS: 25, queueVeh: 3 });
    expect(series.effect('a', 10 * MINUTE, 300)).toEqual({
      before: { delayPerVehS: 40, queueVeh: 8, coveredS: 300 },
      after: { delayPerVehS: 25, queueVeh: 3, coveredS: 300 },
    });
  });

  it('says how much of a window is covered while the after-window still runs, and nothing for unknown nodes', () => {
    const series = new SignalSeries();
    for (let minute = 0; minute < 12; minute++) series.add('a', minute * MINUTE, { delayPerVehS: 30, queueVeh: 5 });
    expect(series.effect('a', 10 * MINUTE, 600).after.coveredS).toBe(120);
    expect(series.window('b', 0, 10 * MINUTE)).toEqual({ delayPerVehS: 0, queueVeh: 0, coveredS: 0 });
  });

  it('keeps the last five hours and forgets older samples', () => {
    const series = new SignalSeries();
    for (let minute = 0; minute < 400; minute++) series.add('a', minute * MINUTE, { delayPerVehS: minute, queueVeh: 0 });
    expect(series.window('a', 0, 100 * MINUTE).coveredS).toBe(0);
    expect(series.window('a', 100 * MINUTE, 400 * MINUTE).coveredS).toBe(300 * 60);
  });
});
