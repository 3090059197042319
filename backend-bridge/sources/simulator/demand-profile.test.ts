import { describe, expect, it } from 'vitest';
import { dailyMeanDemandFactor, demandFactorAt } from './demand-profile';
import { defaultStartSimTimeMs } from './sim-calendar';

const byMinute = Array.from({ length: 24 * 60 }, (_, minute) => demandFactorAt(minute / 60));
const topHourBetween = (fromH: number, toH: number) => {
  const window = byMinute.slice(fromH * 60, toH * 60);
  return (fromH * 60 + window.indexOf(Math.max(...window))) / 60;
};

describe('the daily demand profile', () => {
  it('peaks around 08:00 and 18:00, the morning peak the highest of the day', () => {
    expect(topHourBetween(5, 11)).toBeCloseTo(8, 0);
    expect(topHourBetween(15, 21)).toBeCloseTo(18, 0);
    expect(demandFactorAt(8)).toBeCloseTo(Math.max(...byMinute), 2);
    expect(demandFactorAt(8)).toBeCloseTo(1, 1);
  });

  it('is low at night and between the peaks', () => {
    expect(demandFactorAt(3)).toBeLessThan(0.1);
    expect(demandFactorAt(13)).toBeLessThan(0.7 * demandFactorAt(8));
    expect(demandFactorAt(13)).toBeGreaterThan(3 * demandFactorAt(3));
  });

  it('is smooth, also across midnight', () => {
    const steps = byMinute.map((f, i) => Math.abs(f - byMinute[(i + 1) % byMinute.length]!));
    expect(Math.max(...steps)).toBeLessThan(0.01);
    expect(demandFactorAt(24.5)).toBeCloseTo(demandFactorAt(0.5), 12);
    expect(demandFactorAt(-1)).toBeCloseTo(demandFactorAt(23), 12);
  });

  it('averages to its mean over the day', () => {
    const mean = byMinute.reduce((sum, f) => sum + f, 0) / byMinute.length;
    expect(dailyMeanDemandFactor()).toBeCloseTo(mean, 3);
  });
});

describe('the sim calendar', () => {
  it("starts the demo day at 07:00 on the city's clock", () => {
    expect(new Date(defaultStartSimTimeMs('Asia/Shanghai')).toISOString()).toBe('2024-06-02T23:00:00.000Z');
    expect(new Date(defaultStartSimTimeMs('Europe/Berlin')).toISOString()).toBe('2024-06-03T05:00:00.000Z');
  });
});
